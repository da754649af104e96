# Download the records of a species in a state, with galah.
# Written for galah 2.2.0 (R); checked against its source.
library(galah)

# galah sends the email address and download reason with every download.
galah_config(email = Sys.getenv("EMAIL"), download_reason_id = 4)

# How many records? (one search with pageSize=0)
galah_call() |>
  identify("Vulpes vulpes") |>
  filter(stateProvince == "Victoria") |>
  atlas_counts()

# The records: galah matches the name, queues the offline download, waits for it,
# and reads the zip file into a tibble.
records <- galah_call() |>
  identify("Vulpes vulpes") |>
  filter(stateProvince == "Victoria") |>
  select(decimalLatitude, decimalLongitude, eventDate, scientificName,
         taxonConceptID, recordID, dataResourceName) |>
  collect()
records
