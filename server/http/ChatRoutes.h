#pragma once

#include "chat/ChatService.h"
#include "http/Router.h"

namespace bitmarket::server {

// Chats (/chats...: rooms, messages, images, read cursors, appointments, the listing's status
// from the room) and blocks (/users/{id}/block, /me/blocks).
void addChatRoutes(Router& router, chat::ChatService& chats, std::size_t maxUploadBytes);

} // namespace bitmarket::server
