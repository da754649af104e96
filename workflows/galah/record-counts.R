# Count a species' records by year and by state, with galah.
# Written for galah 2.2.0 (R); checked against its source.
library(galah)

# One count per year since 2000 (facets of a search with pageSize=0)
galah_call() |>
  identify("Osphranter rufus") |>
  filter(year >= 2000) |>
  group_by(year) |>
  atlas_counts()

# One count per state or territory
galah_call() |>
  identify("Osphranter rufus") |>
  filter(year >= 2000) |>
  group_by(stateProvince) |>
  atlas_counts()
