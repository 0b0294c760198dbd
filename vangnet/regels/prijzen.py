"""Prijzen van een jaar uitkering en een jaar loonkostensubsidie (hoofdstuk 6).

De doorrekening zet de kosten van een jaar bijstand af tegen de kosten van een jaar
loonkostensubsidie. De wettelijke bedragen (normbedragen, minimumloon, vakantietoeslag,
werkgeverslasten) zijn gedateerde parameters; de lokale aannames (afdrachten, correctie voor
de heffingskorting, uren per week, loonwaarde) staan in ``doorrekening.yaml``.
Tussenresultaten worden niet afgerond; alleen de weergave rondt af.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from vangnet.exact import Getal, exact


@dataclass(frozen=True)
class Uitkeringsprijs:
    """Maximale kosten van een jaar uitkering voor één huishouden."""

    normbedrag_per_maand: Fraction
    normbedrag_per_jaar: Fraction
    vakantietoeslag: Fraction
    norm_inclusief_vakantietoeslag: Fraction
    afdrachten_bruto: Fraction
    correctie_heffingskorting: Fraction
    afdrachten_netto: Fraction
    prijs: Fraction


def prijs_uitkering(
    normbedrag_per_maand: Getal,
    vakantietoeslag_fractie: Getal,
    afdrachten_fractie: Getal,
    correctie_heffingskorting: Getal,
) -> Uitkeringsprijs:
    """Normbedrag x 12, plus vakantietoeslag, plus de afdrachten over dat bedrag na correctie
    voor de heffingskorting."""
    norm = exact(normbedrag_per_maand)
    per_jaar = norm * 12
    vakantietoeslag = per_jaar * exact(vakantietoeslag_fractie)
    inclusief = per_jaar + vakantietoeslag
    afdrachten = inclusief * exact(afdrachten_fractie)
    netto = afdrachten - exact(correctie_heffingskorting)
    return Uitkeringsprijs(
        norm, per_jaar, vakantietoeslag, inclusief, afdrachten,
        exact(correctie_heffingskorting), netto, inclusief + netto,
    )


@dataclass(frozen=True)
class Lksprijs:
    """Kosten van een jaar loonkostensubsidie voor één voltijd werknemer."""

    minimumloon_per_uur: Fraction
    uren_per_week: Fraction
    weken_per_maand: Fraction
    minimumloon_per_jaar: Fraction
    vakantietoeslag: Fraction
    loon_inclusief_vakantietoeslag: Fraction
    werkgeverslasten: Fraction
    totaal_loonkosten: Fraction
    loonwaarde_fractie: Fraction
    prijs: Fraction


def prijs_lks(
    minimumloon_per_uur: Getal,
    uren_per_week: Getal,
    weken_per_maand: Getal,
    vakantietoeslag_fractie: Getal,
    werkgeverslasten_fractie: Getal,
    loonwaarde_fractie: Getal,
) -> Lksprijs:
    """Minimumloon per jaar (uurloon x uren per week x weken per maand x 12) plus
    vakantietoeslag en werkgeverslasten; de subsidie is het deel van die loonkosten dat de
    loonwaarde niet dekt (1 − loonwaarde)."""
    uur, uren, weken = exact(minimumloon_per_uur), exact(uren_per_week), exact(weken_per_maand)
    per_jaar = uur * uren * weken * 12
    vakantietoeslag = per_jaar * exact(vakantietoeslag_fractie)
    inclusief = per_jaar + vakantietoeslag
    lasten = inclusief * exact(werkgeverslasten_fractie)
    totaal = inclusief + lasten
    loonwaarde = exact(loonwaarde_fractie)
    return Lksprijs(
        uur, uren, weken, per_jaar, vakantietoeslag,
        inclusief, lasten, totaal, loonwaarde, totaal * (1 - loonwaarde),
    )
