#pragma once

#include "http/Router.h"
#include "models/ModelJobService.h"

namespace bitmarket::server {

// POST /listings/{id}/model (seller starts photo -> 3D), GET /jobs/{id}
void addModelRoutes(Router& router, models::ModelJobService& models);

} // namespace bitmarket::server
