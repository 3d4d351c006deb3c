#pragma once

#include "http/Router.h"
#include "media/MediaStore.h"

namespace bitmarket::server {

// GET /media/...: content-addressed files, cached forever by clients.
void addMediaRoutes(Router& router, media::MediaStore& store);

} // namespace bitmarket::server
