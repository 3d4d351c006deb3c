#pragma once

#include "auth/AuthService.h"
#include "http/Router.h"
#include "market/ListingService.h"
#include "media/PhotoIngest.h"

namespace bitmarket::server {

// POST /listings/{id}/photos (multipart), DELETE /listings/{id}/photos/{photoId}
void addPhotoRoutes(Router& router, AuthService& auth, ListingService& listings,
                    media::PhotoIngest& ingest, media::MediaStore& store);

} // namespace bitmarket::server
