"""Check a list of names, with galah.

Written for galah-python 0.13.3; checked against its source.
"""
import galah

galah.galah_config(atlas="Australia")

# One row per name: the matched taxon, its identifier, rank, match type and issues
# (homonyms, misspellings), from the name matching service
print(galah.search_taxa(taxa=["Osphranter rufus", "Vulpes vulpes", "Acacia dealbata"]))

# Every item of one list, to compare with your names
print(galah.show_values(field="dr656", lists=True))
