# Check a list of names, with galah.
# Written for galah 2.2.0 (R); checked against its source.
library(galah)

# One row per name: the matched taxon, its identifier, rank, match type and issues
# (homonyms, misspellings), from the name matching service
search_taxa("Osphranter rufus", "Vulpes vulpes", "Acacia dealbata")

# The species of those names with the authoritative lists each one is on
galah_config(email = Sys.getenv("EMAIL"))
galah_call(type = "species") |>
  identify("Osphranter rufus", "Vulpes vulpes", "Acacia dealbata") |>
  select(lists) |>
  collect()

# Every item of one list, to compare with your names
search_lists("dr656") |>
  show_values()
