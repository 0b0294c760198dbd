"""vangnet: het dossier voor een vangnetuitkering Participatiewet als code.

De package is in lagen opgebouwd:

- :mod:`vangnet.data` leest en valideert de gegevensbestanden van een gemeente;
- :mod:`vangnet.regels` bevat de regels van de vangnetregeling en de doorrekening,
  met gedateerde parameters in ``vangnet/parameters``;
- :mod:`vangnet.figuren` maakt van de uitkomsten cijfers met herkomst (bron, regel, formule);
- :mod:`vangnet.analyse` en :mod:`vangnet.grafieken` maken de beschrijvende tabellen en grafieken;
- :mod:`vangnet.opmaak` zet getallen en datums in Nederlandse notatie.
"""

__version__ = "0.1.0"
