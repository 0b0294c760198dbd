"""Alle gemeenten in één tabel: de vangnettoets per gemeente en jaar (``vangnet landelijk``).

De Toetsingscommissie en analisten bij gemeenten, Divosa, de VNG en het ministerie werken met
één landelijke tabel: per gemeente en budgetjaar het definitieve budget en de netto lasten
uit de SiSa-verantwoording. Deze package leest zo'n tabel (:mod:`.tabel`), rekent voor elke
gemeente en elk jaar de vangnettoets door met dezelfde regelfuncties als het dossier
(:mod:`.berekening`, geen tweede implementatie), schrijft de uitkomst als CSV, JSON Lines en
een samenvatting per jaar (:mod:`.uitvoer`) en legt elke uitkomst uit met dezelfde herkomst
als het dossier (:mod:`.uitleg`). De statische pagina staat in de laag ``site``
(:mod:`vangnet.site.landelijk`).

Laag: boven ``cijfers`` (de uitleg gebruikt de cijfers van het dossier, de uitvoer de
afrondingen van ``bereken --json``), onder ``tabellen``.
"""
