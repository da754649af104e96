"""A species' name match and pictures, with galah.

Written for galah-python 0.13.3; checked against its source. galah has no function for the
species profile or for expert distributions: use the Shell, Python or R tab for those.
"""
import os

import galah

galah.galah_config(atlas="Australia", email=os.environ["EMAIL"])

# The name match: identifier, rank, classification, match type and issues
print(galah.search_taxa(taxa="Ornithorhynchus anatinus"))

# Pictures attached to the species' records, with their licences (one row per file);
# collect=True also downloads the files (thumbnails here) into the folder given as path.
media = galah.atlas_media(
    taxa="Ornithorhynchus anatinus",
    filters="year=2023",
    collect=True,
    path="platypus-images",
    thumbnail=True,
)
print(media)
