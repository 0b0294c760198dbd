"""Cijfers maken uit gegevenscellen, parameters en berekeningen.

De :class:`Bouwer` is het enige punt waar cijfers hun herkomst krijgen: een gegeven wijst naar
bestand, rij en kolom; een parameter naar de gedateerde waarde en de wettelijke bron; een
berekening naar de cijfers waaruit ze volgt. Zo kan elk cijfer zichzelf uitleggen.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pandas as pd

from vangnet.cijfers.kern import Cijfer, Cijferset, Eenheid, Gegevensbron, Parameterbron
from vangnet.data.afronding import afrondingsmarge
from vangnet.data.bronnen import eigen_documenten, toon_referenties
from vangnet.data.dataset import RIJ, Dataset
from vangnet.data.schema import SCHEMA_PER_STAM
from vangnet.exact import exact
from vangnet.regels.parameters import Parameters, Referentie


class Bouwer:
    """Verzamelt de cijfers van één dossier in rekenvolgorde."""

    def __init__(self, dataset: Dataset, parameters: Parameters):
        self.dataset = dataset
        self.parameters = parameters
        self.cijfers = Cijferset()
        # opzoektabellen per (bestand, kolommen): een dossier vraagt duizenden cellen op, en een
        # masker over de hele tabel per cel kost dan het grootste deel van de rekentijd
        self._indexen: dict[tuple[str, tuple[str, ...]], dict[tuple, list[int]]] = {}
        self._records: dict[str, list[dict[str, Any]]] = {}

    def __contains__(self, id_: str) -> bool:
        return id_ in self.cijfers

    def __getitem__(self, id_: str) -> Cijfer:
        return self.cijfers[id_]

    # -- gegevens -------------------------------------------------------------------------

    def _posities(self, stam: str, waar: Mapping[str, Any]) -> list[int]:
        """Rijnummers (positie) van de rijen waarin elke kolom uit ``waar`` gelijk is aan de waarde.

        Gelijk betekent hier hetzelfde als ``==`` in pandas: 2025 en 2025.0 zijn gelijk, een
        ontbrekende waarde (NaN) is nergens gelijk aan.
        """
        tabel = self.dataset.tabel(stam)
        if not waar:
            return list(range(len(tabel)))
        kolommen = tuple(sorted(waar))
        index = self._indexen.get((stam, kolommen))
        if index is None:
            index = {}
            waarden = [tabel[k].tolist() for k in kolommen]
            for positie, sleutel in enumerate(zip(*waarden, strict=True)):
                index.setdefault(sleutel, []).append(positie)
            self._indexen[(stam, kolommen)] = index
        return index.get(tuple(waar[k] for k in kolommen), [])

    def rijen(self, stam: str, **waar: Any) -> pd.DataFrame:
        """De rijen van een tabel die aan alle voorwaarden voldoen (leeg als de tabel ontbreekt)."""
        if not self.dataset.heeft(stam):
            return pd.DataFrame()
        tabel = self.dataset.tabel(stam)
        return tabel.iloc[self._posities(stam, waar)] if waar else tabel

    def gegeven(
        self, id_: str, label: str, stam: str, kolom: str, eenheid: Eenheid = "euro", *,
        decimalen: int = 0, exact_decimalen: int | None = None, **waar: Any,
    ) -> Cijfer | None:
        """Een cel uit een gegevensbestand; ``None`` als de rij of de waarde ontbreekt."""
        if not self.dataset.heeft(stam):
            return None
        posities = self._posities(stam, waar)
        if len(posities) != 1:
            return None
        if stam not in self._records:
            self._records[stam] = self.dataset.tabel(stam).to_dict("records")
        rij = self._records[stam][posities[0]]
        waarde = rij[kolom]
        if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
            return None
        schema = SCHEMA_PER_STAM[stam]
        grootste = dict(schema.afronding).get(kolom, 0)
        marge = exact(afrondingsmarge(waarde, grootste)) if _is_getal(waarde) else Fraction(0)
        bron = Gegevensbron(self.dataset.bestandsnaam(stam), (int(rij[RIJ]),), kolom,
                            str(rij.get("bron", "")))
        return self.cijfers.voeg_toe(
            Cijfer(id_, label, eenheid, _python(waarde), gegevens=(bron,), decimalen=decimalen,
                   exact_decimalen=exact_decimalen, marge=marge)
        )

    def som(
        self, id_: str, label: str, stam: str, kolom: str, eenheid: Eenheid = "aantal", *,
        decimalen: int = 0, **waar: Any,
    ) -> Cijfer | None:
        """De som van een kolom over alle rijen die aan de voorwaarden voldoen."""
        rijen = self.rijen(stam, **waar)
        if rijen.empty:
            return None
        bronnen = sorted(set(rijen["bron"])) if "bron" in rijen else []
        bron = Gegevensbron(
            self.dataset.bestandsnaam(stam), tuple(int(r) for r in rijen[RIJ]), kolom,
            "; ".join(bronnen)
        )
        return self.cijfers.voeg_toe(
            Cijfer(id_, label, eenheid, _python(rijen[kolom].sum()), gegevens=(bron,),
                   formule=None, regel=f"Opgeteld over {len(rijen)} regels van de tabel.",
                   decimalen=decimalen)
        )

    def instelling(
        self, id_: str, label: str, bestand: str, sleutel: str, waarde: Any,
        eenheid: Eenheid, *, decimalen: int = 0, bron: str = "",
    ) -> Cijfer:
        """Een waarde uit een YAML-bestand in de gegevensmap (dossier, doorrekening).

        Bedragen in euro's krijgen dezelfde afrondingsmarge als bedragen in de tabellen (op
        hoogstens duizendtallen).
        """
        regel = self.dataset.yaml_regels.get(bestand, {}).get((sleutel,), 0)
        marge = exact(afrondingsmarge(waarde, 1000)) if eenheid == "euro" else Fraction(0)
        return self.cijfers.voeg_toe(
            Cijfer(id_, label, eenheid, _python(waarde),
                   gegevens=(Gegevensbron(bestand, (regel,), sleutel, bron),),
                   decimalen=decimalen, marge=marge)
        )

    # -- parameters -----------------------------------------------------------------------

    def referenties(self, referenties: Iterable[Referentie]) -> tuple[Referentie, ...]:
        """De bronnen van een parameter zoals de lezer van dit dossier ze ziet (zie
        :mod:`vangnet.data.bronnen`)."""
        dossier = getattr(getattr(self, "dataset", None), "dossier", None)  # landelijk: geen
        return toon_referenties(referenties, eigen_documenten(dossier.bronnen if dossier else ()))

    def parameter(
        self, id_: str, label: str, naam: str, jaar: int, eenheid: Eenheid, *,
        decimalen: int = 0, exact_decimalen: int | None = None,
    ) -> Cijfer:
        """De waarde van een gedateerde parameter voor ``jaar``, met haar wettelijke bron."""
        p = self.parameters.parameter(naam)
        geldend = p.geldende(jaar)
        bron = Parameterbron(naam, p.metadata.label, jaar, geldend.vanaf, p.status(jaar),
                             self.referenties(geldend.referenties))
        return self.cijfers.voeg_toe(
            Cijfer(id_, label, eenheid, _python(geldend.waarde), parameter=bron,
                   decimalen=decimalen,
                   exact_decimalen=exact_decimalen)
        )

    def aangekondigd(self, id_: str, label: str, naam: str, eenheid: Eenheid, *,
                     decimalen: int = 0) -> Cijfer | None:
        """Een aangekondigde, nog niet vastgestelde waarde (telt niet mee in berekeningen)."""
        p = self.parameters.parameter(naam)
        if p.aangekondigd is None:
            return None
        bron = Parameterbron(naam, p.metadata.label, 0, p.aangekondigd.vanaf, "aangekondigd",
                             self.referenties(p.aangekondigd.referenties
                                              or p.metadata.referenties))
        return self.cijfers.voeg_toe(
            Cijfer(id_, label, eenheid, _python(p.aangekondigd.waarde), parameter=bron,
                   decimalen=decimalen, regel=p.aangekondigd_toelichting)
        )

    def staffelwaarde(
        self, id_: str, label: str, naam: str, jaar: int, schijf: int, deel: str,
        eenheid: Eenheid = "fractie", *, decimalen: int = 1,
    ) -> Cijfer:
        """Ondergrens (``deel='ondergrens'``) of tarief van schijf ``schijf`` van een staffel."""
        s = self.parameters.staffel(naam)
        waarde = exact(getattr(s.op(jaar)[schijf], deel))
        bron = Parameterbron(naam, s.metadata.label, jaar, s.vanaf(jaar), s.status(jaar),
                             self.referenties(s.metadata.referenties))
        return self.cijfers.voeg_toe(
            Cijfer(id_, label, eenheid, waarde, parameter=bron, decimalen=decimalen)
        )

    # -- berekeningen ---------------------------------------------------------------------

    def reken(
        self, id_: str, label: str, eenheid: Eenheid, invoer: Mapping[str, Cijfer],
        functie: Callable[..., Any], formule: str | None = None, *, regel: str | None = None,
        decimalen: int = 0, exact_decimalen: int | None = None,
    ) -> Cijfer:
        """Een cijfer berekend uit andere cijfers; ``formule`` noemt de invoer bij naam."""
        # gehele getallen als breuk, zodat ook een deling van twee gehele getallen (52 weken /
        # 12, een aantal / een totaal) exact blijft in plaats van een kommagetal te worden; een
        # uitkomst die uit gehele getallen een geheel getal geeft, blijft een int
        waarden = {n: f.waarde for n, f in invoer.items()}
        geheel = all(isinstance(w, int) and not isinstance(w, bool) for w in waarden.values()
                     if _is_getal(w))
        waarde = functie(**{n: Fraction(w) if isinstance(w, int) and not isinstance(w, bool)
                            else w for n, w in waarden.items()})
        if geheel and isinstance(waarde, Fraction) and waarde.denominator == 1:
            waarde = int(waarde)
        cijfer = Cijfer(
            id_, label, eenheid, _python(waarde),
            invoer=tuple((n, f.id) for n, f in invoer.items()), formule=formule, regel=regel,
            decimalen=decimalen, exact_decimalen=exact_decimalen,
        )
        return self.cijfers.voeg_toe(cijfer, functie)


def _is_getal(waarde: Any) -> bool:
    return isinstance(waarde, int | Decimal | Fraction | float) and not isinstance(waarde, bool)


def _python(waarde: Any) -> Any:
    """De waarde van een cijfer: NumPy-getallen als gewone Python-getallen, een geheel getal
    als ``int`` en elk ander getal als exacte breuk (``Fraction``), zodat berekeningen met
    cijfers exact blijven."""
    if hasattr(waarde, "item"):
        waarde = waarde.item()
    if isinstance(waarde, bool) or not _is_getal(waarde):
        return waarde
    breuk = exact(waarde)
    return int(breuk) if breuk.denominator == 1 and isinstance(waarde, int) else breuk
