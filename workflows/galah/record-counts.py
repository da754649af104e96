"""Count a species' records by year and by state, with galah.

Written for galah-python 0.13.3; checked against its source.
"""
import galah

galah.galah_config(atlas="Australia")

# One count per year since 2000 (facets of a search with pageSize=0)
print(galah.atlas_counts(taxa="Osphranter rufus", filters="year>=2000", group_by="year"))

# One count per state or territory
print(galah.atlas_counts(taxa="Osphranter rufus", filters="year>=2000", group_by="stateProvince"))
