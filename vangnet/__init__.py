"""vangnet: het dossier voor een vangnetuitkering Participatiewet als code.

De package is in lagen opgebouwd; een laag importeert alleen lagere lagen (import-linter
controleert dat, zie ``pyproject.toml``). Van laag naar hoog:

1. :mod:`vangnet.meldingen`, :mod:`vangnet.opmaak`, :mod:`vangnet.paden`: foutmeldingen,
   Nederlandse notatie en de plaats van de eigen bestanden;
2. :mod:`vangnet.regels`: de regels van de vangnetregeling en de doorrekening, met gedateerde
   parameters in ``vangnet/parameters``;
3. :mod:`vangnet.data`: de gegevens van een dossier lezen, valideren en klaarzetten;
4. :mod:`vangnet.cijfers`: elk cijfer met zijn herkomst (cel, parameter of formule);
5. :mod:`vangnet.tabellen` en :mod:`vangnet.grafieken`: tabellen en grafieken uit cijfers;
6. :mod:`vangnet.dossier`: wat de hoofdstukken nodig hebben (context, structuur, toetsing aan
   het beoordelingskader, het aanvraagformulier);
7. :mod:`vangnet.site`: de MkDocs-plugin en macro's, de PDF en het publiceren;
8. :mod:`vangnet.cli`: de opdrachtregel.
"""

__version__ = "0.1.0"
