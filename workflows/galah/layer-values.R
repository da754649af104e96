# Values of an environmental layer, with galah.
# Written for galah 2.2.0 (R); checked against its source.
# galah samples layers at the places of occurrence records, not at points of your own:
# for your points use the Shell, Python or R tab.
library(galah)

# Find the layer's field id (an environmental layer's starts with "el")
search_all(fields, "precipitation")

# The field's value at every record of a species, beside its coordinates and state (cl22).
# Put the id found above in place of el_id.
el_id <- "el_id"
galah_config(email = Sys.getenv("EMAIL"))
galah_call() |>
  identify("Eucalyptus gunnii") |>
  select(decimalLatitude, decimalLongitude, cl22, all_of(el_id)) |>
  collect()
