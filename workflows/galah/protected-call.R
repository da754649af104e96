# A protected call, with galah.
# Written for galah 2.2.0 (R); checked against its source.
# galah does not call the user details service, and it has no client-credentials flow: an
# ALA system uses the Shell, Python or R tab. What galah does offer is signing a person in
# (authorization code flow, in the browser) so that occurrence queries carry their token.
library(galah)

galah_config(authenticate = TRUE)

# This query is sent with the signed-in user's access token
galah_call() |>
  identify("Wollemia nobilis") |>
  atlas_counts()
