"""Prijzen van een jaar uitkering en een jaar loonkostensubsidie (hoofdstuk 6).

De doorrekening zet de kosten van een jaar bijstand af tegen de kosten van een jaar
loonkostensubsidie. De wettelijke bedragen (normbedragen, minimumloon, vakantietoeslag,
werkgeverslasten) zijn gedateerde parameters; de lokale aannames (afdrachten, correctie voor
de heffingskorting, uren per week, loonwaarde) staan in ``doorrekening.yaml``.
Tussenresultaten worden niet afgerond; alleen de weergave rondt af.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Uitkeringsprijs:
    """Maximale kosten van een jaar uitkering voor één huishouden."""

    normbedrag_per_maand: float
    normbedrag_per_jaar: float
    vakantietoeslag: float
    norm_inclusief_vakantietoeslag: float
    afdrachten_bruto: float
    correctie_heffingskorting: float
    afdrachten_netto: float
    prijs: float


def prijs_uitkering(
    normbedrag_per_maand: float,
    vakantietoeslag_fractie: float,
    afdrachten_fractie: float,
    correctie_heffingskorting: float,
) -> Uitkeringsprijs:
    """Normbedrag x 12, plus vakantietoeslag, plus de afdrachten over dat bedrag na correctie
    voor de heffingskorting."""
    per_jaar = normbedrag_per_maand * 12
    vakantietoeslag = per_jaar * vakantietoeslag_fractie
    inclusief = per_jaar + vakantietoeslag
    afdrachten = inclusief * afdrachten_fractie
    netto = afdrachten - correctie_heffingskorting
    return Uitkeringsprijs(
        normbedrag_per_maand, per_jaar, vakantietoeslag, inclusief, afdrachten,
        correctie_heffingskorting, netto, inclusief + netto,
    )


@dataclass(frozen=True)
class Lksprijs:
    """Kosten van een jaar loonkostensubsidie voor één voltijd werknemer."""

    minimumloon_per_uur: float
    uren_per_week: float
    weken_per_maand: float
    minimumloon_per_jaar: float
    vakantietoeslag: float
    loon_inclusief_vakantietoeslag: float
    werkgeverslasten: float
    totaal_loonkosten: float
    loonwaarde_fractie: float
    prijs: float


def prijs_lks(
    minimumloon_per_uur: float,
    uren_per_week: float,
    weken_per_maand: float,
    vakantietoeslag_fractie: float,
    werkgeverslasten_fractie: float,
    loonwaarde_fractie: float,
) -> Lksprijs:
    """Minimumloon per jaar (uurloon x uren per week x weken per maand x 12) plus
    vakantietoeslag en werkgeverslasten; de subsidie is het deel van die loonkosten dat de
    loonwaarde niet dekt (1 − loonwaarde)."""
    per_jaar = minimumloon_per_uur * uren_per_week * weken_per_maand * 12
    vakantietoeslag = per_jaar * vakantietoeslag_fractie
    inclusief = per_jaar + vakantietoeslag
    lasten = inclusief * werkgeverslasten_fractie
    totaal = inclusief + lasten
    return Lksprijs(
        minimumloon_per_uur, uren_per_week, weken_per_maand, per_jaar, vakantietoeslag,
        inclusief, lasten, totaal, loonwaarde_fractie, totaal * (1 - loonwaarde_fractie),
    )
