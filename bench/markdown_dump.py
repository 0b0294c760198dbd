"""MkDocs-hook voor de benchmark: schrijft de door de macro's ingevulde Markdown weg.

Zo kan bench.py dezelfde pagina's zonder macro's bouwen (de ondergrens). Alleen actief als
``VANGNET_DUMP`` een map noemt.
"""

import os
from pathlib import Path


def on_page_markdown(markdown, page, config, files):
    doel = os.environ.get("VANGNET_DUMP")
    if doel:
        pad = Path(doel) / page.file.src_uri
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(markdown, encoding="utf-8")
    return markdown
