"""Images sized for phones: `{% responsive_image image sizes="(min-width: 48rem) 50vw, 100vw" %}`.

Writes a <picture> with WebP renditions and a fallback in the original format, each at a few
widths (never wider than the original nor than `max_width`, the widest the layout shows it,
nor narrower than `min_width`), explicit width and height so the page does not jump while it
loads, and lazy loading unless `eager=True` (for an image at the top of the page). `ratio="1:1"`
crops every width to that shape (around the focal point), for a layout that needs one."""

from django import template
from django.template.loader import render_to_string

register = template.Library()

WIDTHS = (160, 320, 480, 768, 1024, 1280)


@register.simple_tag
def responsive_image(
    image,
    sizes="100vw",
    eager=False,
    max_width=1280,
    alt=None,
    css_class="",
    min_width=320,
    ratio="",
):
    if not image:
        return ""
    widest = min(image.width, max_width)
    widths = [width for width in WIDTHS if min_width <= width < widest]
    widths.append(widest)
    across, down = (int(part) for part in ratio.split(":")) if ratio else (None, None)
    specs = {}
    for width in widths:
        resize = f"width-{width}"
        if ratio:
            resize = f"fill-{width}x{round(width * down / across)}"
        specs[(width, "webp")] = f"{resize}|format-webp"
        specs[(width, "fallback")] = resize
    renditions = image.get_renditions(*specs.values())
    by_key = {key: renditions[spec] for key, spec in specs.items()}

    def srcset(kind):
        return ", ".join(f"{by_key[(w, kind)].url} {by_key[(w, kind)].width}w" for w in widths)

    default = by_key[(widths[-1], "fallback")]
    return render_to_string(
        "publishing/responsive_image.html",
        {
            "webp_srcset": srcset("webp"),
            "srcset": srcset("fallback"),
            "src": default.url,
            "width": default.width,
            "height": default.height,
            "sizes": sizes,
            "alt": image.default_alt_text if alt is None else alt,
            "eager": eager,
            "css_class": css_class,
        },
    )
