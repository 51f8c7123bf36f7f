#!/usr/bin/env python3
"""Publishes the Markdown fixture pages as Jekyll (kramdown + Rouge) would: a layout around the body,
ids on headings, indented tables, highlighted code in <span>s, Liquid expanded, no front matter.
The HTML route of the parser is tested against these, independently of cmark-gfm.
Run from this folder: python3 make-html-fixtures.py"""
import html, pathlib, re

def inline(text):
    text = re.sub(r"`([^`]*)`", lambda m: "<code>" + html.escape(m.group(1)) + "</code>", text)
    text = re.sub(r"\[([^\[\]]*)\]\(([^)]*)\)", r'<a href="\2">\1</a>', text)
    return re.sub(r"\*\*([^*]*)\*\*", r"<strong>\1</strong>", text)

def rouge(code):
    spans = []
    for token in re.split(r'("(?:[^"\\]|\\.)*")', code):
        if token.startswith('"'):
            spans.append('<span class="s2">' + html.escape(token, quote=False) + "</span>")
        elif token:
            spans.append('<span class="err">' + html.escape(token, quote=False) + "</span>")
    return "".join(spans)

def cells(row):
    row = row.strip()
    parts = row.split("|")
    if row.endswith("|"):
        parts = parts[:-1]
    return [p.strip() for p in parts]

def publish(markdown):
    meta, body = re.match(r"---\n(.*?)\n---\n(.*)", markdown, re.S).groups()
    page = dict(line.split(": ", 1) for line in meta.splitlines() if ": " in line and not line.startswith("#"))
    body = body.replace("{{site.baseurl}}", "")
    body = re.sub(r"\{\{page\.(\w+)\}\}", lambda m: page[m.group(1)], body)
    body = re.sub(r"\{::options[^}]*/\}", "", body)
    out, lines, i = [], body.split("\n"), 0
    while i < len(lines):
        line = lines[i]
        if "{% highlight json %}" in line:
            before = line.split("{% highlight json %}")[0]
            if before.strip():
                out.append(before)
            code = []
            i += 1
            while "{% endhighlight %}" not in lines[i]:
                code.append(lines[i]); i += 1
            out.append('<div class="language-json highlighter-rouge"><div class="highlight"><pre class="highlight"><code>'
                       + rouge("\n".join(code) + "\n") + "</code></pre></div></div>")
        elif m := re.match(r"(#+) (.*)", line):
            level, text = len(m.group(1)), m.group(2)
            out.append(f'<h{level} id="{re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")}">{inline(text)}</h{level}>')
        elif "|" in line and i + 1 < len(lines) and re.match(r"^[-|: ]+$", lines[i + 1]) and "-" in lines[i + 1]:
            header = cells(line)
            out.append("<table>\n  <thead>\n    <tr>")
            out += [f"      <th>{inline(c)}</th>" for c in header]
            out.append("    </tr>\n  </thead>\n  <tbody>")
            i += 2
            while i < len(lines) and "|" in lines[i]:
                row = cells(lines[i])
                # kramdown, like the generator's readers, splits run-together rows only via our parser:
                # publish the row as written (extra cells kept) so the HTML route must cope too.
                out.append("    <tr>")
                out += [f"      <td>{inline(c)}</td>" for c in row + [""] * (len(header) - len(row))]
                out.append("    </tr>")
                i += 1
            out.append("  </tbody>\n</table>")
            continue
        elif line.strip().startswith("<") or not line.strip():
            out.append(line)
        else:
            out.append("<p>" + inline(line) + "</p>")
        i += 1
    title = page.get("title", "API")
    return (f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{html.escape(title)}</title>\n</head>\n"
            f"<body>\n<header><h1>Rancher Docs</h1><nav><a href=\"/rancher/\">Home</a></nav></header>\n"
            f"<div class=\"content\">\n" + "\n".join(out) + "\n</div>\n<footer><p>Rancher Labs</p></footer>\n</body>\n</html>\n")

for source in sorted(pathlib.Path("pages/md").glob("*.md")):
    (pathlib.Path("pages/html") / (source.stem + ".html")).write_text(publish(source.read_text()))
