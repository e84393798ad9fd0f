"""Form data an editor sends from the page editor."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def standard_page_form(page, action=None, **fields):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield([("paragraph", rich_text("<p>Call 311 and ask for help.</p>"))]),
            "comments": inline_formset([]),
            **fields,
        }
    )
    if action:
        data[f"action-{action}"] = action
    return data
