#include "bitmarket/ErrorCatalogue.h"

#include "bitmarket/MessageTemplate.h"

#include <QHash>
#include <QLoggingCategory>

namespace bitmarket {

namespace {

Q_LOGGING_CATEGORY(lcCatalogue, "bitmarket.errors")

struct Entry {
    const char* english;
    const char* korean;
};

// clang-format off
constexpr Entry kEntries[] = {
    // Defaults of ApiError's factories.
    {"Sign in required.", "로그인이 필요합니다."},
    {"You may not do that.", "이 작업을 할 권한이 없습니다."},
    {"Not found.", "찾을 수 없습니다."},
    {"Something went wrong on the server.", "서버에 문제가 생겼습니다."},
    {"Too many attempts. Try again later.", "시도가 너무 많습니다. 잠시 후 다시 시도해 주세요."},
    // What a code says when its message is not in the catalogue.
    {"The request is not valid.", "요청이 올바르지 않습니다."},
    {"This conflicts with the current state.", "현재 상태와 맞지 않는 요청입니다."},
    {"This type of content is not supported.", "지원하지 않는 형식입니다."},
    // Request shape: bodies, fields, query parameters.
    {"Body is not valid JSON: %1.", "본문이 올바른 JSON이 아닙니다: %1."},
    {"Body must be a JSON object.", "본문은 JSON 객체여야 합니다."},
    {"This field is required.", "필수 항목입니다."},
    {"Must be a string.", "문자열이어야 합니다."},
    {"Must be a string or a number.", "문자열이나 숫자여야 합니다."},
    {"Must be an object.", "객체여야 합니다."},
    {"Must be at least %1 characters.", "%1자 이상이어야 합니다."},
    {"Must be at most %1 characters.", "%1자 이하여야 합니다."},
    {"Must be a whole number.", "정수여야 합니다."},
    {"Must be between %1 and %2.", "%1에서 %2 사이여야 합니다."},
    {"Must be a whole number from %1 to %2.", "%1에서 %2 사이의 정수여야 합니다."},
    {"Must be true or false.", "true 또는 false여야 합니다."},
    {"Must be an array of strings.", "문자열 배열이어야 합니다."},
    {"Each entry must be 1 to %1 characters.", "각 항목은 1자에서 %1자 사이여야 합니다."},
    {"At most %1 entries.", "최대 %1개까지 넣을 수 있습니다."},
    {"Must be one of: %1.", "다음 중 하나여야 합니다: %1."},
    {"Must be an object {amount, currency}.", "{amount, currency} 객체여야 합니다."},
    {"Amount must be a whole number of minor units.", "금액은 최소 화폐 단위의 정수여야 합니다."},
    {"Amount is out of range.", "금액이 허용 범위를 벗어났습니다."},
    {"Unknown currency.", "알 수 없는 통화입니다."},
    {"limit must be 1 to 100.", "limit은 1에서 100 사이여야 합니다."},
    {"This cursor is not valid.", "올바르지 않은 커서입니다."},
    {"This cursor is not valid for this query.", "이 검색에 쓸 수 없는 커서입니다."},
    // The HTTP listener itself.
    {"No such endpoint.", "없는 API 주소입니다."},
    {"The request body is too large.", "요청 본문이 너무 큽니다."},
    {"Malformed request (a body, even an empty one, needs a Content-Length header).",
     "잘못된 요청입니다(본문은 비어 있어도 Content-Length 헤더가 필요합니다)."},
    {"Cannot listen on %1:%2", "%1:%2에서 연결을 받을 수 없습니다"},
    {"Malformed request head.", "요청 헤더가 올바르지 않습니다."},
    {"The request headers are too large.", "요청 헤더가 너무 큽니다."},
    {"Request bodies are accepted only without Content-Encoding.",
     "요청 본문은 Content-Encoding 없이 보내야 합니다."},
    {"Only Expect: 100-continue is understood.", "Expect 헤더는 100-continue만 쓸 수 있습니다."},
    {"Malformed chunked request body.", "chunked 요청 본문이 올바르지 않습니다."},
    {"The request took too long to arrive.", "요청이 도착하는 데 너무 오래 걸렸습니다."},
    {"Cannot create a TLS context: %1", "TLS 컨텍스트를 만들 수 없습니다: %1"},
    {"Cannot use %1 as the TLS certificate: %2", "%1을(를) TLS 인증서로 쓸 수 없습니다: %2"},
    {"Cannot use %1 as the TLS key: %2", "%1을(를) TLS 키로 쓸 수 없습니다: %2"},
    {"This server speaks HTTPS only: use an https:// address.",
     "이 서버는 HTTPS로만 연결됩니다. https:// 주소를 쓰세요."},
    {"Stopped before every alert was sent.", "모든 알림을 보내기 전에 멈췄습니다."},
    {"--tls-cert and --tls-key go together.", "--tls-cert와 --tls-key는 함께 지정해야 합니다."},
    // Accounts and sessions.
    {"Use 3 to 32 characters: letters, digits, '_' or '.'.",
     "영문 소문자, 숫자, '_', '.'로 3자에서 32자까지 쓸 수 있습니다."},
    {"Enter a valid email address.", "올바른 이메일 주소를 입력해 주세요."},
    {"Use at least 8 characters.", "8자 이상 입력해 주세요."},
    {"Use at most 256 characters.", "256자 이하로 입력해 주세요."},
    {"Use at most 50 characters.", "50자 이하로 입력해 주세요."},
    {"This username is taken.", "이미 사용 중인 아이디입니다."},
    {"This email is already registered.", "이미 가입된 이메일입니다."},
    {"Wrong username/email or password.", "아이디/이메일 또는 비밀번호가 틀렸습니다."},
    {"This session has ended. Please sign in again.", "세션이 끝났습니다. 다시 로그인해 주세요."},
    {"Access token expired.", "액세스 토큰이 만료되었습니다."},
    {"Invalid access token.", "올바르지 않은 액세스 토큰입니다."},
    {"This account no longer exists.", "더 이상 존재하지 않는 계정입니다."},
    {"No such user.", "없는 사용자입니다."},
    {"Only moderators may do that.", "운영자만 할 수 있는 작업입니다."},
    {"Only administrators may do that.", "관리자만 할 수 있는 작업입니다."},
    // Listings, search and categories.
    {"No such listing.", "없는 상품입니다."},
    {"Unknown category.", "알 수 없는 카테고리입니다."},
    {"Unknown sale type.", "알 수 없는 판매 방식입니다."},
    {"Unknown sort.", "알 수 없는 정렬 방식입니다."},
    {"Unknown status.", "알 수 없는 상태입니다."},
    {"Only the seller can change this listing.", "판매자만 이 상품을 바꿀 수 있습니다."},
    {"Nothing to change.", "바꿀 내용이 없습니다."},
    {"This field cannot be changed.", "바꿀 수 없는 항목입니다."},
    {"The search text is too long.", "검색어가 너무 깁니다."},
    {"Use at most %1 search words.", "검색어는 %1개 단어까지 쓸 수 있습니다."},
    {"Only auctions take auction terms.", "경매 조건은 경매 상품에만 쓸 수 있습니다."},
    {"An auction needs its terms.", "경매에는 경매 조건이 필요합니다."},
    {"An auction runs from 1 hour to 14 days.", "경매 기간은 1시간에서 14일 사이입니다."},
    {"An auction runs from %1 seconds to 14 days.", "경매 기간은 %1초에서 14일 사이입니다."},
    {"The bid is below the minimum next bid.", "입찰가가 다음 최소 입찰가보다 낮습니다."},
    {"Bid at least %1.", "%1 이상으로 입찰하세요."},
    {"This auction has ended.", "이미 끝난 경매입니다."},
    {"This is your own listing.", "내가 올린 상품입니다."},
    {"You cannot bid on your own listing.", "내 상품에는 입찰할 수 없습니다."},
    {"You cannot buy your own listing.", "내 상품은 살 수 없습니다."},
    {"You cannot contact this person.", "이 사용자에게 연락할 수 없습니다."},
    {"That step is not possible now.", "지금은 할 수 없는 단계입니다."},
    {"This Idempotency-Key was used for another request.", "이 Idempotency-Key는 다른 요청에 이미 쓰였습니다."},
    {"This listing is not an auction.", "경매 상품이 아닙니다."},
    {"Your maximum is already %1; raise it or leave it.", "최대 입찰가가 이미 %1입니다. 올리거나 그대로 두세요."},
    {"Bid in the auction's currency, %1.", "경매 통화(%1)로 입찰하세요."},
    {"Buy-now is no longer offered.", "즉시 구매는 더 이상 할 수 없습니다."},
    {"This auction has no buy-now price.", "이 경매에는 즉시 구매가가 없습니다."},
    {"Only the seller can cancel the auction.", "판매자만 경매를 취소할 수 있습니다."},
    {"An auction can be cancelled only before the first bid.", "경매는 첫 입찰 전에만 취소할 수 있습니다."},
    {"Only the seller can change the terms.", "판매자만 경매 조건을 바꿀 수 있습니다."},
    {"The terms are frozen after the first bid.", "첫 입찰 후에는 경매 조건을 바꿀 수 없습니다."},
    {"The Idempotency-Key is 1 to 64 characters.", "Idempotency-Key는 1자에서 64자 사이입니다."},
    {"An auction's price is its start price.", "경매 상품의 가격은 시작 가격입니다."},
    {"An auction's price follows its bids.", "경매 상품의 가격은 입찰에 따라 정해집니다."},
    {"An auction's status follows its bids and its end.", "경매 상품의 상태는 입찰과 마감에 따라 정해집니다."},
    {"An auction with bids cannot be removed; it ends at its end time.", "입찰이 있는 경매는 지울 수 없습니다. 마감 시간에 끝납니다."},
    {"This listing already has an order.", "이미 주문이 있는 상품입니다."},
    {"No such order.", "없는 주문입니다."},
    {"role is buyer or seller.", "role은 buyer 또는 seller입니다."},
    {"An auction is bought by bidding or with buy-now.", "경매 상품은 입찰이나 즉시 구매로 살 수 있습니다."},
    {"This listing is not for sale.", "판매 중인 상품이 아닙니다."},
    {"This order cannot take that step in its current status.", "지금 주문 상태에서는 할 수 없는 단계입니다."},
    {"This order is not awaiting payment.", "결제를 기다리는 주문이 아닙니다."},
    {"Only the buyer confirms receipt.", "구매자만 수령을 확인할 수 있습니다."},
    {"Only the buyer pays for the order.", "구매자만 주문을 결제할 수 있습니다."},
    {"Only the seller ships the order.", "판매자만 주문을 발송할 수 있습니다."},
    {"Not paid in time.", "결제 기한이 지났습니다."},
    {"The order was cancelled.", "주문이 취소됐습니다."},
    // Payments and the provider.
    {"No such payment.", "없는 결제입니다."},
    {"No such payout.", "없는 정산 지급입니다."},
    {"The checkout did not say which payment.", "결제 창이 어떤 결제인지 알려 주지 않았습니다."},
    {"The amount is not the order's; the payment was not confirmed.", "주문 금액과 다른 금액이라 결제를 승인하지 않았습니다."},
    {"The payment provider did not answer; try again.", "결제사가 응답하지 않았습니다. 다시 시도해 주세요."},
    {"The payment provider does not know this payment.", "결제사에 없는 결제입니다."},
    {"The payment provider refused: %1", "결제사가 거절했습니다: %1"},
    {"The webhook carries no event.", "웹훅에 이벤트가 없습니다."},
    {"The webhook signature has expired.", "웹훅 서명의 유효 시간이 지났습니다."},
    {"The webhook signature is not valid.", "웹훅 서명이 올바르지 않습니다."},
    {"This server does not take payments from that provider.", "이 서버는 그 결제사의 결제를 받지 않습니다."},
    {"Payouts are not offered through Toss Payments on this server.", "이 서버에서는 토스페이먼츠로 정산 지급을 하지 않습니다."},
    {"All auction amounts need one currency.", "경매 금액은 모두 같은 통화여야 합니다."},
    {"Buy-now must be above the start price.", "즉시 구매가는 시작 가격보다 높아야 합니다."},
    {"Reserve must be at least the start price.", "최저 낙찰가는 시작 가격 이상이어야 합니다."},
    {"The increment must be above zero.", "입찰 단위는 0보다 커야 합니다."},
    {"The currency cannot change.", "통화는 바꿀 수 없습니다."},
    {"Give the end as an RFC 3339 UTC time.", "종료 시각은 RFC 3339 UTC 형식으로 적어 주세요."},
    // Photos and media.
    {"Attach at least one photo.", "사진을 한 장 이상 첨부해 주세요."},
    {"A listing has at most %1 photos.", "상품 사진은 최대 %1장까지 올릴 수 있습니다."},
    {"Send photos as multipart/form-data.", "사진은 multipart/form-data로 보내 주세요."},
    {"Photos must be JPEG, PNG or WebP images.", "사진은 JPEG, PNG, WebP 이미지만 올릴 수 있습니다."},
    {"The photo is larger than %1 MB.", "사진이 %1MB보다 큽니다."},
    {"The photo has %1x%2 pixels; at most %3 megapixels are accepted.",
     "사진이 %1x%2 픽셀입니다. 최대 %3메가픽셀까지 올릴 수 있습니다."},
    {"The photo is damaged and cannot be read.", "사진이 손상되어 읽을 수 없습니다."},
    {"The photo is incomplete (the upload was cut off).", "사진이 완전하지 않습니다(업로드가 중간에 끊겼습니다)."},
    {"The photo has too many progressive scans to decode; save it again as an ordinary JPEG.",
     "사진의 프로그레시브 스캔이 너무 많아 읽을 수 없습니다. 일반 JPEG로 다시 저장해 주세요."},
    {"No such photo on this listing.", "이 상품에 없는 사진입니다."},
    {"Cannot encode the photo.", "사진을 변환할 수 없습니다."},
    {"Cannot store the file.", "파일을 저장할 수 없습니다."},
    {"Invalid media name.", "올바르지 않은 미디어 이름입니다."},
    {"No such file.", "없는 파일입니다."},
    // 3D models and jobs.
    {"Add photos before making a 3D model.", "3D 모델을 만들기 전에 사진을 올려 주세요."},
    {"A model of this listing is already being made.", "이 상품의 모델을 이미 만들고 있습니다."},
    {"Only the seller can make a model of a listing.", "판매자만 상품의 모델을 만들 수 있습니다."},
    {"No such job.", "없는 작업입니다."},
    {"This worker no longer holds the job.", "이 작업자는 더 이상 이 작업을 맡고 있지 않습니다."},
    {"The key %1 belongs to a \"%2\" job.", "키 %1은(는) \"%2\" 작업의 것입니다."},
    {"A scheduled job needs a unique key.", "예약 작업에는 고유 키가 필요합니다."},
    // Live updates (WebSocket).
    {"A frame may be at most %1 KiB.", "프레임은 최대 %1KiB까지 보낼 수 있습니다."},
    {"Frame is not valid JSON: %1.", "프레임이 올바른 JSON이 아닙니다: %1."},
    {"A frame must be a JSON object.", "프레임은 JSON 객체여야 합니다."},
    {"Frames must be JSON text; binary frames are not understood.",
     "프레임은 JSON 텍스트여야 합니다. 바이너리 프레임은 처리하지 않습니다."},
    {"Unknown frame type \"%1\"; expected subscribe, unsubscribe, ping, chat.send or chat.typing.",
     "알 수 없는 프레임 종류 \"%1\"입니다. subscribe, unsubscribe, ping, chat.send, chat.typing 중 하나여야 합니다."},
    {"Name at least one topic.", "토픽을 하나 이상 지정해 주세요."},
    {"A connection may follow at most %1 topics.", "연결 하나로 토픽을 최대 %1개까지 구독할 수 있습니다."},
    {"Unknown topic \"%1\"; expected %2 or %3.",
     "알 수 없는 토픽 \"%1\"입니다. %2 또는 %3 형식이어야 합니다."},
    {"Sign in to follow %1.", "%1을(를) 구독하려면 로그인해 주세요."},
    {"You may only follow your own user topic.", "자신의 사용자 토픽만 구독할 수 있습니다."},
    {"Cannot listen for WebSocket clients on %1:%2: %3",
     "%1:%2에서 WebSocket 연결을 받을 수 없습니다: %3"},
    // Notifications and saved keywords.
    {"unread is true or false.", "unread는 true 또는 false여야 합니다."},
    {"Name the ids to read, or all: true.", "읽음으로 표시할 ids를 보내거나 all: true를 보내 주세요."},
    {"muted is a list of types.", "muted는 알림 종류의 목록이어야 합니다."},
    {"There is no notification type \"%1\".", "\"%1\"이라는 알림 종류는 없습니다."},
    {"A keyword has 1 to %1 characters.", "키워드는 1자에서 %1자 사이여야 합니다."},
    {"A keyword needs at least one letter or digit.", "키워드에는 글자나 숫자가 하나 이상 있어야 합니다."},
    {"You can save at most %1 keywords.", "키워드는 %1개까지 저장할 수 있습니다."},
    {"No such saved keyword.", "저장된 키워드를 찾을 수 없습니다."},
    // Chat.
    {"No such chat.", "채팅방을 찾을 수 없습니다."},
    {"Write a message first.", "메시지를 입력해 주세요."},
    {"You cannot chat about your own listing.", "내 상품에는 채팅을 열 수 없습니다."},
    {"This person has blocked you.", "상대방이 나를 차단해 메시지를 보낼 수 없습니다."},
    {"You are sending messages too fast. Wait a few seconds and try again.",
     "메시지를 너무 빨리 보내고 있습니다. 몇 초 후에 다시 보내 주세요."},
    {"You blocked this person; unblock them to send messages.",
     "내가 차단한 사용자입니다. 메시지를 보내려면 차단을 해제해 주세요."},
    {"You blocked this seller; unblock them to chat.",
     "내가 차단한 판매자입니다. 채팅하려면 차단을 해제해 주세요."},
    {"Pick a time that is still to come.", "지나지 않은 시간을 골라 주세요."},
    {"No such appointment in this chat.", "이 채팅방에 그런 약속이 없습니다."},
    {"Only the other member can answer this appointment.", "약속은 상대방만 수락하거나 거절할 수 있습니다."},
    {"This appointment was already answered.", "이미 답한 약속입니다."},
    {"Only the seller can change the listing.", "판매자만 상품 상태를 바꿀 수 있습니다."},
    {"You cannot block yourself.", "자기 자신은 차단할 수 없습니다."},
    {"Sign in to chat.", "채팅하려면 로그인해 주세요."},
    {"Give the time as an RFC 3339 time.", "시간은 RFC 3339 형식으로 적어 주세요."},
};
// clang-format on

const QHash<QString, QString>& koreanByEnglish() {
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t;
        for (const Entry& e : kEntries)
            t.insert(QString::fromUtf8(e.english), QString::fromUtf8(e.korean));
        return t;
    }();
    return table;
}

// The message a code answers with when nothing more specific is known.
QString genericEnglish(ErrorCode code) {
    switch (code) {
    case ErrorCode::ValidationFailed:
        return QStringLiteral("The request is not valid.");
    case ErrorCode::Conflict:
        return QStringLiteral("This conflicts with the current state.");
    case ErrorCode::PayloadTooLarge:
        return QStringLiteral("The request body is too large.");
    case ErrorCode::UnsupportedMediaType:
        return QStringLiteral("This type of content is not supported.");
    case ErrorCode::Unauthorized:
        return ApiError::unauthorized().message;
    case ErrorCode::Forbidden:
        return ApiError::forbidden().message;
    case ErrorCode::NotFound:
        return ApiError::notFound().message;
    case ErrorCode::RateLimited:
        return ApiError::rateLimited(1).message;
    case ErrorCode::Internal:
        return ApiError::internal().message;
    case ErrorCode::BidTooLow:
        return QStringLiteral("The bid is below the minimum next bid.");
    case ErrorCode::AuctionClosed:
        return QStringLiteral("This auction has ended.");
    case ErrorCode::OwnListing:
        return QStringLiteral("This is your own listing.");
    case ErrorCode::Blocked:
        return QStringLiteral("You cannot contact this person.");
    case ErrorCode::InvalidState:
        return QStringLiteral("That step is not possible now.");
    case ErrorCode::IdempotencyConflict:
        return QStringLiteral("This Idempotency-Key was used for another request.");
    }
    return ApiError::internal().message;
}

} // namespace

ApiError ErrorCatalogue::translate(const ApiError& error, Language language) {
    if (language == Language::English)
        return error;
    ApiError translated = error;
    translated.messageKey.clear();
    translated.messageArgs.clear();
    if (auto korean = ErrorCatalogue::korean(error.templateText())) {
        translated.message = filledTemplate(*korean, error.messageArgs);
        return translated;
    }
    qCWarning(lcCatalogue) << "no Korean for" << error.templateText();
    translated.message = koreanByEnglish().value(genericEnglish(error.code));
    return translated;
}

std::optional<QString> ErrorCatalogue::korean(const QString& englishTemplate) {
    const auto& table = koreanByEnglish();
    const auto it = table.constFind(englishTemplate);
    if (it == table.constEnd())
        return std::nullopt;
    return *it;
}

QStringList ErrorCatalogue::englishTemplates() {
    return koreanByEnglish().keys();
}

} // namespace bitmarket
