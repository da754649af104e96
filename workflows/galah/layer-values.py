"""Values of an environmental layer, with galah.

Written for galah-python 0.13.3; checked against its source. galah samples layers at the
places of occurrence records, not at points of your own: for your points use the Shell,
Python or R tab.
"""
import os

import galah

galah.galah_config(atlas="Australia", email=os.environ["EMAIL"])

# Find the layer's field id (an environmental layer's starts with "el")
print(galah.search_all(fields="precipitation"))

# The field's value at every record of a species, beside its coordinates and state (cl22).
# Put the id found above in place of el_id.
el_id = "el_id"
print(
    galah.atlas_occurrences(
        taxa="Eucalyptus gunnii",
        fields=["decimalLatitude", "decimalLongitude", "cl22", el_id],
    )
)
