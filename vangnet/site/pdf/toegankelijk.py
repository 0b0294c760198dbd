"""Nabewerking van de PDF voor PDF/UA, alleen waar WeasyPrint het zelf niet kan uitdrukken.

Wat WeasyPrint (versie 70) zelf goed doet en daarom in de HTML wordt geregeld (zie druk.py):

- ``/Alt`` van een figuur: uit ``alt`` van een ``<img>`` of de ``<title>`` van een ``<svg>``;
- achtergronden en randen als artefact: het watermerk is daarom een paginaachtergrond;
- de koppeling van datacellen aan hun kopcellen (``/Headers``), uit ``<th scope>``.

Wat hier gebeurt, omdat WeasyPrint het niet kan:

1. **Kopregels, voetregels en paginanummers als artefact.** WeasyPrint zet de tekst van de
   paginamarges (``@top-left``, ``@bottom-center`` ...) als gemarkeerde inhoud met een MCID in
   de pagina, maar hangt de structuurelementen daarvan niet in de structuurboom: volgens de
   broncode kan een artefact in de boom pas in PDF 2.0. Zulke inhoud is dan niet gemarkeerd als
   artefact en ook geen echte inhoud. Hier wordt elke gemarkeerde inhoud waarvan het
   structuurelement niet vanuit de wortel van de boom bereikbaar is, een ``/Artifact``
   (soort ``/Pagination``), en verdwijnt de verwijzing uit de ParentTree.
2. **``/Scope`` van kopcellen.** WeasyPrint gebruikt ``scope`` alleen om ``/Headers`` te vullen
   en schrijft geen ``/Scope``. Een TH in THead krijgt ``/Column``, elke andere TH ``/Row``;
   druk.py zet ``scope`` in de HTML op precies dezelfde manier.
"""

from __future__ import annotations

import re

import pikepdf

_BDC = re.compile(rb"/([A-Za-z]+)\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")


def _kinderen(element: pikepdf.Object) -> list[pikepdf.Object]:
    k = element.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def _structuurelementen(wortel: pikepdf.Object) -> list[pikepdf.Dictionary]:
    """Alle structuurelementen die vanuit de wortel bereikbaar zijn (ouders voor kinderen)."""
    gezien: set[tuple[int, int]] = set()
    uit: list[pikepdf.Dictionary] = []
    stapel = list(_kinderen(wortel))
    while stapel:
        element = stapel.pop()
        if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
            continue  # een MCID, een verwijzing naar een annotatie (OBJR) of inhoud (MCR)
        if element.objgen in gezien:
            continue
        gezien.add(element.objgen)
        uit.append(element)
        stapel.extend(reversed(_kinderen(element)))
    return uit


def _zet_artefacten(pdf: pikepdf.Pdf, bereikbaar: set[tuple[int, int]]) -> int:
    """Maak gemarkeerde inhoud zonder plek in de structuurboom een artefact; geef het aantal."""
    boom = pdf.Root.StructTreeRoot.ParentTree
    if "/Kids" in boom:
        raise ValueError("ParentTree met /Kids: niet gemaakt door WeasyPrint; pas dit aan")
    nums = boom.Nums
    per_pagina = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    totaal = 0
    for nummer, pagina in enumerate(pdf.pages):
        sleutel = pagina.obj.get("/StructParents", nummer)
        mcids = per_pagina.get(int(sleutel))
        if not isinstance(mcids, pikepdf.Array):
            continue
        los = {mcid for mcid, element in enumerate(mcids)
               if isinstance(element, pikepdf.Dictionary) and element.objgen not in bereikbaar}
        if not los:
            continue

        def vervang(m: re.Match[bytes], los: set[int] = los) -> bytes:
            if int(m.group(2)) in los:
                return b"/Artifact\n<</Type /Pagination>>\nBDC"
            return m.group(0)

        inhoud = pagina.obj.Contents
        stromen = list(inhoud) if isinstance(inhoud, pikepdf.Array) else [inhoud]
        gevonden = 0
        for stroom in stromen:
            oud = stroom.read_bytes()
            gevonden += sum(int(m.group(2)) in los for m in _BDC.finditer(oud))
            stroom.write(_BDC.sub(vervang, oud))
        if gevonden != len(los):
            raise ValueError(f"pagina {nummer + 1}: {len(los)} losse MCID's verwacht, "
                             f"{gevonden} gevonden in de inhoud")
        for mcid in los:
            mcids[mcid] = None  # null: het element valt weg bij het opslaan
        totaal += gevonden
    return totaal


def _zet_scope(elementen: list[pikepdf.Dictionary]) -> None:
    for element in elementen:
        if element.S != "/TH":
            continue
        rij = element.get("/P")
        sectie = rij.get("/P") if rij is not None else None
        in_kop = sectie is not None and sectie.get("/S") == "/THead"
        attributen = element.get("/A")
        if not isinstance(attributen, pikepdf.Dictionary):
            attributen = pikepdf.Dictionary(O=pikepdf.Name.Table)
            element.A = attributen
        attributen.Scope = pikepdf.Name.Column if in_kop else pikepdf.Name.Row


def maak_toegankelijk(pdf_bytes: bytes) -> bytes:
    """De PDF van WeasyPrint nabewerkt (zie de moduledocstring)."""
    import io

    uit = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        elementen = _structuurelementen(pdf.Root.StructTreeRoot)
        bereikbaar = {e.objgen for e in elementen}
        _zet_artefacten(pdf, bereikbaar)
        _zet_scope(elementen)
        # deterministic_id: dezelfde inhoud geeft dezelfde /ID, zodat de bouw reproduceerbaar
        # blijft (anders kiest qpdf een nieuwe op basis van tijd en bestandsnaam)
        pdf.save(uit, deterministic_id=True)
    return uit.getvalue()
