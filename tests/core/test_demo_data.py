from cms.core.demo_data import read_toml, stream, translations, translations_by_name

PO_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def write_po(path, entries):
    body = "".join(
        f'msgctxt "{context}"\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n\n'
        for context, msgid, msgstr in entries
    )
    path.write_text(PO_HEADER + body, encoding="utf-8")


def test_translations_come_per_language_and_context_in_the_order_of_languages(tmp_path):
    write_po(tmp_path / "ar.po", [("home page", "Hello", "مرحبا")])
    write_po(
        tmp_path / "es.po",
        [
            ("home page", "Hello", "Hola"),
            ("tip Count", "Count", "Cuenta"),
            ("tip Sing", "Sing", ""),
        ],
    )

    assert translations(tmp_path, "home page") == {
        "es": {"Hello": "Hola"},
        "ar": {"Hello": "مرحبا"},
    }
    assert list(translations(tmp_path, "home page")) == ["es", "ar"]
    # An untranslated entry (empty msgstr) is left out, and a language without the context too.
    assert translations_by_name(tmp_path, "tip ") == {"Count": {"es": {"Count": "Cuenta"}}}
    assert translations(tmp_path, "about page") == {}


def test_toml_bodies_become_streamfield_content(tmp_path):
    path = tmp_path / "page.toml"
    path.write_text(
        '[page]\ntitle = "About"\n\n'
        '[[page.body]]\ntype = "heading"\nvalue = {text = "Get in touch"}\n\n'
        '[[page.body]]\ntype = "paragraph"\nvalue = "<p>Call 311.</p>"\n',
        encoding="utf-8",
    )

    page = read_toml(path)["page"]

    assert stream(page["body"]) == [
        ("heading", {"text": "Get in touch"}),
        ("paragraph", "<p>Call 311.</p>"),
    ]
