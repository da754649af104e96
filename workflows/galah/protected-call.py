"""A protected call, with galah.

Written for galah-python 0.13.3; checked against its source. galah does not call the user
details service, and it has no client-credentials flow: an ALA system uses the Shell, Python
or R tab. What galah does offer is signing a person in (in the browser) so that occurrence
queries carry their token.
"""
import galah

galah.galah_config(atlas="Australia", authenticate=True)

# This query is sent with the signed-in user's access token
print(galah.atlas_counts(taxa="Wollemia nobilis"))
