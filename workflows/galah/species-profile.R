# A species' name match and pictures, with galah.
# Written for galah 2.2.0 (R); checked against its source.
# galah has no function for the species profile or for expert distributions (2.2.0 holds
# the code of the latter but does not export it): use the Shell, Python or R tab for those.
library(galah)

# The name match: identifier, rank, classification, match type and issues
search_taxa("Ornithorhynchus anatinus")

# Pictures attached to the species' records, with their licences (one row per file).
# atlas_media() needs a filter and a registered email address.
galah_config(email = Sys.getenv("EMAIL"))
media <- galah_call() |>
  identify("Ornithorhynchus anatinus") |>
  filter(year == 2023) |>
  atlas_media()
media

# Download the files themselves (thumbnails here) into galah's folder
dir.create("platypus-images", showWarnings = FALSE)
galah_config(directory = "platypus-images")
collect_media(media, thumbnail = TRUE)
