"""De aanvraag bij de Toetsingscommissie: het beoordelingskader en het aanvraagformulier."""
