"""Download the records of a species in a state, with galah.

Written for galah-python 0.13.3; checked against its source.
"""
import os

import galah

# galah sends the email address and download reason with every download.
galah.galah_config(atlas="Australia", email=os.environ["EMAIL"], reason=4)

# How many records? (one search with pageSize=0)
print(galah.atlas_counts(taxa="Vulpes vulpes", filters="stateProvince=Victoria"))

# The records: galah matches the name, queues the offline download, waits for it,
# and reads the zip file into a pandas DataFrame.
records = galah.atlas_occurrences(taxa="Vulpes vulpes", filters="stateProvince=Victoria")
print(records)
