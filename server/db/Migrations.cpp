#include "db/Migrations.h"

namespace bitmarket::server::db {

namespace {

constexpr const char* kAccountsAndListings = R"sql(
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL,
    username_key  TEXT NOT NULL UNIQUE,
    email         TEXT NOT NULL,
    email_key     TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE refresh_tokens (
    token_hash BLOB PRIMARY KEY,
    family_id  TEXT NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    spent_at   INTEGER,
    revoked_at INTEGER
);
CREATE INDEX refresh_tokens_family ON refresh_tokens(family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens(user_id);

CREATE TABLE categories (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    parent_id TEXT REFERENCES categories(id),
    position  INTEGER NOT NULL
);

CREATE TABLE listings (
    seq                INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    seller_id          TEXT NOT NULL REFERENCES users(id),
    title              TEXT NOT NULL,
    description        TEXT NOT NULL,
    category_id        TEXT NOT NULL REFERENCES categories(id),
    price_amount       INTEGER NOT NULL,
    currency           TEXT NOT NULL,
    condition          TEXT NOT NULL,
    tags               TEXT NOT NULL,
    region             TEXT NOT NULL,
    sale_type          TEXT NOT NULL,
    status             TEXT NOT NULL,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    auction_start      INTEGER,
    auction_increment  INTEGER,
    auction_buy_now    INTEGER,
    auction_reserve    INTEGER,
    auction_ends_at    INTEGER,
    favorite_count     INTEGER NOT NULL DEFAULT 0,
    view_count         INTEGER NOT NULL DEFAULT 0,
    thumb_url          TEXT,
    model_status       TEXT,
    model_url          TEXT,
    model_preview_url  TEXT,
    model_quality      TEXT,
    model_triangles    INTEGER,
    model_job_id       TEXT,
    model_error        TEXT
);
CREATE INDEX listings_newest ON listings(status, seq);
CREATE INDEX listings_price ON listings(status, price_amount, seq);
CREATE INDEX listings_popular ON listings(status, favorite_count DESC, seq DESC);
CREATE INDEX listings_ending ON listings(status, auction_ends_at, seq);
CREATE INDEX listings_seller ON listings(seller_id, created_at DESC);
CREATE INDEX listings_category ON listings(category_id, status, created_at DESC);

-- Trigram full-text index: substring search that works for Korean as well as English.
CREATE VIRTUAL TABLE listings_fts USING fts5(
    title, description, tags,
    content='listings', content_rowid='seq', tokenize='trigram'
);
CREATE TRIGGER listings_fts_insert AFTER INSERT ON listings BEGIN
    INSERT INTO listings_fts(rowid, title, description, tags)
    VALUES (new.seq, new.title, new.description, new.tags);
END;
CREATE TRIGGER listings_fts_delete AFTER DELETE ON listings BEGIN
    INSERT INTO listings_fts(listings_fts, rowid, title, description, tags)
    VALUES ('delete', old.seq, old.title, old.description, old.tags);
END;
CREATE TRIGGER listings_fts_update AFTER UPDATE OF title, description, tags ON listings BEGIN
    INSERT INTO listings_fts(listings_fts, rowid, title, description, tags)
    VALUES ('delete', old.seq, old.title, old.description, old.tags);
    INSERT INTO listings_fts(rowid, title, description, tags)
    VALUES (new.seq, new.title, new.description, new.tags);
END;

CREATE TABLE photos (
    id         TEXT PRIMARY KEY,
    listing_id TEXT NOT NULL REFERENCES listings(id),
    position   INTEGER NOT NULL,
    hash       TEXT NOT NULL,
    url        TEXT NOT NULL,
    thumb_url  TEXT NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX photos_listing ON photos(listing_id, position);

CREATE TABLE favorites (
    user_id    TEXT NOT NULL REFERENCES users(id),
    listing_id TEXT NOT NULL REFERENCES listings(id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, listing_id)
);
CREATE INDEX favorites_user ON favorites(user_id, created_at DESC);

CREATE TABLE listing_views (
    listing_id TEXT NOT NULL,
    viewer_key TEXT NOT NULL,
    hour       INTEGER NOT NULL,
    PRIMARY KEY (listing_id, viewer_key, hour)
) WITHOUT ROWID;

INSERT INTO categories (id, name, parent_id, position) VALUES
    ('electronics', 'Electronics', NULL, 1),
    ('phones', 'Phones & tablets', 'electronics', 2),
    ('computers', 'Computers', 'electronics', 3),
    ('cameras', 'Cameras', 'electronics', 4),
    ('audio', 'Audio', 'electronics', 5),
    ('furniture', 'Furniture', NULL, 6),
    ('home', 'Home & kitchen', NULL, 7),
    ('fashion', 'Fashion', NULL, 8),
    ('books', 'Books', NULL, 9),
    ('sports', 'Sports & outdoors', NULL, 10),
    ('toys', 'Toys & games', NULL, 11),
    ('art', 'Art & collectibles', NULL, 12),
    ('garden', 'Garden & plants', NULL, 13),
    ('other', 'Other', NULL, 14);
)sql";

constexpr const char* kJobs = R"sql(
-- The durable job queue: a worker owns a running job only while its lease
-- lasts; an expired lease means the worker died and the job may be claimed
-- again. revision grows on every change so observers can tell what is new.
CREATE TABLE jobs (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    listing_id       TEXT,
    owner_id         TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    progress         REAL NOT NULL DEFAULT 0,
    stage            TEXT NOT NULL DEFAULT '',
    error            TEXT,
    attempts         INTEGER NOT NULL DEFAULT 0,
    max_attempts     INTEGER NOT NULL,
    run_after        INTEGER NOT NULL,
    lease_owner      TEXT,
    lease_expires_at INTEGER,
    heartbeat_at     INTEGER,
    payload          TEXT NOT NULL DEFAULT '{}',
    result           TEXT,
    revision         INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE INDEX jobs_runnable ON jobs(status, run_after, seq);
CREATE INDEX jobs_leases ON jobs(status, lease_expires_at, seq);
CREATE INDEX jobs_listing ON jobs(listing_id, kind, status);
CREATE INDEX jobs_updated ON jobs(updated_at);
)sql";

constexpr const char* kLiveSessions = R"sql(
-- Every authenticated request asks whether its session still holds a live refresh token. A
-- session keeps every token it ever rotated through, so an index on family_id alone would
-- walk all of them; this one holds only the live token of each session.
CREATE INDEX refresh_tokens_live ON refresh_tokens(family_id)
    WHERE spent_at IS NULL AND revoked_at IS NULL;
)sql";

constexpr const char* kJobsOfAnyKind = R"sql(
-- Jobs of every kind, not only 3D models: the owner and the listing become
-- optional (the server's own work has neither), a job may wait for its time
-- (run_after), a unique key names the one queued job for some piece of work
-- (moving it instead of adding another, across restarts), a queued job can be
-- cancelled, and the number of attempts comes from the kind's retry policy.
CREATE TABLE jobs_v4 (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    unique_key       TEXT,
    listing_id       TEXT,
    owner_id         TEXT,
    status           TEXT NOT NULL
                     CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    progress         REAL NOT NULL DEFAULT 0,
    stage            TEXT NOT NULL DEFAULT '',
    error            TEXT,
    attempts         INTEGER NOT NULL DEFAULT 0,
    run_after        INTEGER NOT NULL,
    lease_owner      TEXT,
    lease_expires_at INTEGER,
    heartbeat_at     INTEGER,
    payload          TEXT NOT NULL DEFAULT '{}',
    result           TEXT,
    revision         INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
INSERT INTO jobs_v4 (seq, id, kind, listing_id, owner_id, status, progress, stage, error,
                     attempts, run_after, lease_owner, lease_expires_at, heartbeat_at, payload,
                     result, revision, created_at, updated_at)
    SELECT seq, id, kind, listing_id, owner_id, status, progress, stage, error, attempts,
           run_after, lease_owner, lease_expires_at, heartbeat_at, payload, result, revision,
           created_at, updated_at
    FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_v4 RENAME TO jobs;
CREATE INDEX jobs_runnable ON jobs(status, run_after, seq);
CREATE INDEX jobs_leases ON jobs(status, lease_expires_at, seq);
CREATE INDEX jobs_listing ON jobs(listing_id, kind, status);
CREATE INDEX jobs_updated ON jobs(updated_at);
CREATE UNIQUE INDEX jobs_pending_key ON jobs(unique_key) WHERE status = 'queued';
)sql";

constexpr const char* kListingModels = R"sql(
-- A listing's 3D model state moves out of the listings table into its own,
-- written only by the models domain; readers join it on the listing's id.
CREATE TABLE listing_models (
    listing_id  TEXT PRIMARY KEY REFERENCES listings(id),
    status      TEXT NOT NULL,
    url         TEXT,
    preview_url TEXT,
    quality     TEXT,
    triangles   INTEGER,
    job_id      TEXT,
    error       TEXT,
    updated_at  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO listing_models (listing_id, status, url, preview_url, quality, triangles, job_id,
                            error, updated_at)
    SELECT id, model_status, model_url, model_preview_url, model_quality, model_triangles,
           model_job_id, model_error, updated_at
    FROM listings WHERE model_status IS NOT NULL;
ALTER TABLE listings DROP COLUMN model_status;
ALTER TABLE listings DROP COLUMN model_url;
ALTER TABLE listings DROP COLUMN model_preview_url;
ALTER TABLE listings DROP COLUMN model_quality;
ALTER TABLE listings DROP COLUMN model_triangles;
ALTER TABLE listings DROP COLUMN model_job_id;
ALTER TABLE listings DROP COLUMN model_error;
)sql";

constexpr const char* kAuctionTerms = R"sql(
-- An auction's terms move out of the listings row into a table of their own,
-- one row per auction listing (its currency is the listing's). Keyed by the
-- listing's seq so a listing read joins them by rowid.
CREATE TABLE auction_terms (
    listing_seq    INTEGER PRIMARY KEY REFERENCES listings(seq),
    start_price    INTEGER NOT NULL,
    min_increment  INTEGER NOT NULL,
    buy_now_price  INTEGER,
    reserve_price  INTEGER,
    ends_at        INTEGER NOT NULL
);
INSERT INTO auction_terms (listing_seq, start_price, min_increment, buy_now_price,
                           reserve_price, ends_at)
    SELECT seq, auction_start, auction_increment, auction_buy_now, auction_reserve,
           auction_ends_at
    FROM listings WHERE auction_start IS NOT NULL;
-- "Ending soon" walks this index in order (the rowid, listing_seq, breaks ties).
CREATE INDEX auction_terms_ending ON auction_terms(ends_at);
DROP INDEX listings_ending;
ALTER TABLE listings DROP COLUMN auction_start;
ALTER TABLE listings DROP COLUMN auction_increment;
ALTER TABLE listings DROP COLUMN auction_buy_now;
ALTER TABLE listings DROP COLUMN auction_reserve;
ALTER TABLE listings DROP COLUMN auction_ends_at;

-- Browsing one category in each sort order reads a page straight off an index
-- instead of walking every active listing until enough of them match (the
-- first of them also serves everything listings_category did).
DROP INDEX listings_category;
CREATE INDEX listings_category_newest ON listings(category_id, status, seq);
CREATE INDEX listings_category_price ON listings(category_id, status, price_amount, seq);
CREATE INDEX listings_category_popular
    ON listings(category_id, status, favorite_count DESC, seq DESC);
)sql";

constexpr const char* kUserRoles = R"sql(
-- Roles beyond an ordinary account (moderator, admin). Written by UserRoles only; read with
-- the user's row on every authenticated request, so a grant counts from the next request.
CREATE TABLE user_roles (
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('moderator', 'admin')),
    granted_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, role)
) WITHOUT ROWID;
)sql";

constexpr const char* kNotifications = R"sql(
-- A user's inbox. A burst of the same kind about the same thing (group_key, such as
-- "price.drop:<listing>") is one unread row that takes in each new event (count, data,
-- created_at of the latest); once read, the next event starts a new row. Written only by
-- NotificationTable; title and body are rendered from type and data when read.
CREATE TABLE notifications (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    type       TEXT NOT NULL,
    group_key  TEXT NOT NULL,
    data       TEXT NOT NULL,
    count      INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    read_at    INTEGER
);
CREATE INDEX notifications_inbox ON notifications(user_id, created_at DESC, seq DESC);
CREATE INDEX notifications_unread ON notifications(user_id, created_at DESC, seq DESC)
    WHERE read_at IS NULL;
CREATE UNIQUE INDEX notifications_open_group ON notifications(user_id, group_key)
    WHERE read_at IS NULL;
CREATE INDEX notifications_read_age ON notifications(read_at) WHERE read_at IS NOT NULL;

-- The types a user does not want to hear about. Written only by NotificationMutes.
CREATE TABLE notification_mutes (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    type    TEXT NOT NULL,
    PRIMARY KEY (user_id, type)
) WITHOUT ROWID;

-- Price-drop alerts go to everyone who keeps the listing.
CREATE INDEX favorites_listing ON favorites(listing_id);
)sql";

constexpr const char* kSavedKeywords = R"sql(
-- Saved searches for keyword alerts, and their index: every word of a keyword under
-- saved_keyword_tokens, so a new listing finds the keywords it matches by looking up the
-- prefixes of its own words instead of reading every user's keywords. Both written only by
-- SavedKeywordTable.
CREATE TABLE saved_keywords (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    keyword     TEXT NOT NULL,
    category_id TEXT REFERENCES categories(id),
    max_price   INTEGER,
    currency    TEXT,
    token_count INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX saved_keywords_user ON saved_keywords(user_id, seq);
CREATE TABLE saved_keyword_tokens (
    token       TEXT NOT NULL,
    keyword_seq INTEGER NOT NULL REFERENCES saved_keywords(seq) ON DELETE CASCADE,
    PRIMARY KEY (token, keyword_seq)
) WITHOUT ROWID;
CREATE INDEX saved_keyword_tokens_keyword ON saved_keyword_tokens(keyword_seq);
)sql";

constexpr const char* kCategoryNamesInKorean = R"sql(
-- A category's name in Korean for the Korean UI, and the words a search for it
-- may use in either language (lower case, space-separated; singulars too).
ALTER TABLE categories ADD COLUMN name_ko TEXT NOT NULL DEFAULT '';
ALTER TABLE categories ADD COLUMN search_words TEXT NOT NULL DEFAULT '';
UPDATE categories SET
    name_ko = CASE id
        WHEN 'electronics' THEN '전자기기'
        WHEN 'phones' THEN '휴대폰·태블릿'
        WHEN 'computers' THEN '컴퓨터'
        WHEN 'cameras' THEN '카메라'
        WHEN 'audio' THEN '음향기기'
        WHEN 'furniture' THEN '가구'
        WHEN 'home' THEN '생활·주방'
        WHEN 'fashion' THEN '패션'
        WHEN 'books' THEN '도서'
        WHEN 'sports' THEN '스포츠·레저'
        WHEN 'toys' THEN '장난감·게임'
        WHEN 'art' THEN '예술·수집품'
        WHEN 'garden' THEN '정원·식물'
        WHEN 'other' THEN '기타'
        ELSE name END,
    -- "Other" answers to no word: 기타 is also Korean for a guitar.
    search_words = CASE id
        WHEN 'electronics' THEN 'electronics electronic 전자기기 전자제품'
        WHEN 'phones' THEN 'phones phone tablets tablet 휴대폰 핸드폰 스마트폰 태블릿'
        WHEN 'computers' THEN 'computers computer 컴퓨터'
        WHEN 'cameras' THEN 'cameras camera 카메라'
        WHEN 'audio' THEN 'audio 음향기기 오디오'
        WHEN 'furniture' THEN 'furniture 가구'
        WHEN 'home' THEN 'home kitchen 생활 주방'
        WHEN 'fashion' THEN 'fashion clothes 패션 의류'
        WHEN 'books' THEN 'books book 도서 책'
        WHEN 'sports' THEN 'sports sport outdoors outdoor 스포츠 레저'
        WHEN 'toys' THEN 'toys toy games game 장난감 게임'
        WHEN 'art' THEN 'art collectibles collectible 예술 수집품'
        WHEN 'garden' THEN 'garden plants plant 정원 식물'
        ELSE '' END;
)sql";

constexpr const char* kSignInAddresses = R"sql(
-- Where each account has signed in from (addresses as LoginThrottle keys them: IPv6 by its
-- /64). Written by SignInAddresses only, at registration and at every sign-in; the owner at a
-- familiar address is not slowed down by failures strangers caused.
CREATE TABLE sign_in_addresses (
    user_id           TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    address           TEXT NOT NULL,
    last_signed_in_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, address)
) WITHOUT ROWID;
)sql";

constexpr const char* kKeywordAlerts = R"sql(
-- Who was told that a listing matches one of their saved keywords: the keyword-alert job
-- writes its alerts in parts, and a part it runs again (a retry after a crash) tells no
-- one twice. Written only by KeywordAlertTable; rows go with the notification clean-up.
CREATE TABLE keyword_alerts (
    listing_id TEXT NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    alerted_at INTEGER NOT NULL,
    PRIMARY KEY (listing_id, user_id)
) WITHOUT ROWID;
CREATE INDEX keyword_alerts_age ON keyword_alerts(alerted_at);

-- Every unread notification has its entry in notifications_open_group, which serves the unread
-- count as well; one index fewer for each notification written to keep up to date.
DROP INDEX notifications_unread;
)sql";

constexpr const char* kAuctionsAndOrders = R"sql(
-- How each auction stands, one row per auction listing, written only by AuctionTable (the
-- auctions domain); the seller's terms stay in auction_terms. ends_at is the end in force
-- (a late bid moves it); leader_max and second_max are the two highest maximums, all the
-- proxy ladder needs.
CREATE TABLE auctions (
    listing_seq   INTEGER PRIMARY KEY REFERENCES listings(seq),
    state         TEXT NOT NULL DEFAULT 'running',
    ends_at       INTEGER NOT NULL,
    extended      INTEGER NOT NULL DEFAULT 0,
    current_price INTEGER NOT NULL,
    bid_count     INTEGER NOT NULL DEFAULT 0,
    bidder_count  INTEGER NOT NULL DEFAULT 0,
    leader_id     TEXT,
    leader_max    INTEGER,
    second_max    INTEGER,
    winner_id     TEXT,
    final_price   INTEGER,
    order_id      TEXT,
    closed_at     INTEGER
);
INSERT INTO auctions (listing_seq, state, ends_at, current_price)
    SELECT a.listing_seq, CASE WHEN l.status = 'removed' THEN 'cancelled' ELSE 'running' END,
           a.ends_at, a.start_price
    FROM auction_terms a JOIN listings l ON l.seq = a.listing_seq;
-- The closer and "ending soon" walk running auctions in the order they end.
CREATE INDEX auctions_ending ON auctions(state, ends_at);
DROP INDEX auction_terms_ending;

-- Every accepted bid, in the order they were decided. amount is the visible price the bid
-- produced; max_amount is the bidder's maximum, never shown to others.
CREATE TABLE bids (
    seq         INTEGER PRIMARY KEY,
    listing_seq INTEGER NOT NULL,
    bidder_id   TEXT NOT NULL,
    max_amount  INTEGER NOT NULL,
    amount      INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX bids_listing ON bids(listing_seq, seq);

-- Each bidder's maximum in each auction they bid on (their latest bid), for "your max" and
-- "My bids".
CREATE TABLE auction_bidders (
    listing_seq  INTEGER NOT NULL,
    bidder_id    TEXT NOT NULL,
    max_amount   INTEGER NOT NULL,
    last_bid_seq INTEGER NOT NULL,
    PRIMARY KEY (listing_seq, bidder_id)
) WITHOUT ROWID;
CREATE INDEX auction_bidders_mine ON auction_bidders(bidder_id, last_bid_seq);

-- Sales, written only by OrderTable (the orders domain). One live order per listing: a
-- cancelled or refunded one no longer holds it.
CREATE TABLE orders (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    listing_seq INTEGER NOT NULL REFERENCES listings(seq),
    buyer_id    TEXT NOT NULL REFERENCES users(id),
    seller_id   TEXT NOT NULL REFERENCES users(id),
    amount      INTEGER NOT NULL,
    currency    TEXT NOT NULL,
    fee         INTEGER NOT NULL DEFAULT 0,
    method      TEXT NOT NULL,
    source      TEXT NOT NULL,
    status      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX orders_live_listing ON orders(listing_seq)
    WHERE status NOT IN ('cancelled', 'refunded');
CREATE INDEX orders_buyer ON orders(buyer_id, seq);
CREATE INDEX orders_seller ON orders(seller_id, seq);
CREATE TABLE order_history (
    order_seq INTEGER NOT NULL REFERENCES orders(seq),
    status    TEXT NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX order_history_order ON order_history(order_seq);

-- The first answer to each retried write (Idempotency-Key), per user, for 24 hours; written
-- only by IdempotencyKeys. fingerprint tells the same request from another under the same key.
CREATE TABLE idempotency_keys (
    user_id     TEXT NOT NULL,
    key         TEXT NOT NULL,
    fingerprint BLOB NOT NULL,
    answer      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_age ON idempotency_keys(created_at);

-- Each user's unread notifications, counted as they are added and read (by NotificationTable),
-- so the count that goes with every notification costs one lookup, not a count of the rows.
CREATE TABLE notification_unread (
    user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    unread  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO notification_unread (user_id, unread)
    SELECT user_id, count(*) FROM notifications WHERE read_at IS NULL GROUP BY user_id;
)sql";

constexpr const char* kChats = R"sql(
-- One chat per (listing, buyer) with the listing's seller, written only by ChatTable (the chat
-- domain). last_seq is the seq of its latest message; each member's read cursor is the seq
-- they have read up to, so a member's unread count is last_seq minus their cursor.
CREATE TABLE chats (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    listing_id      TEXT NOT NULL,
    buyer_id        TEXT NOT NULL REFERENCES users(id),
    seller_id       TEXT NOT NULL REFERENCES users(id),
    last_seq        INTEGER NOT NULL DEFAULT 0,
    buyer_read_seq  INTEGER NOT NULL DEFAULT 0,
    seller_read_seq INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (listing_id, buyer_id)
);
CREATE INDEX chats_buyer ON chats(buyer_id, updated_at, seq);
CREATE INDEX chats_seller ON chats(seller_id, updated_at, seq);

-- The messages of each chat, numbered 1, 2, 3... inside it (seq, given out by the writer from
-- chats.last_seq in the message's own transaction, so there are no gaps). A sender's client_id
-- names a message once: the same client id again is the same message. Appointment cards keep
-- their state (proposed, accepted, declined) here; system messages their event as JSON.
CREATE TABLE chat_messages (
    chat_seq          INTEGER NOT NULL REFERENCES chats(seq),
    seq               INTEGER NOT NULL,
    id                TEXT NOT NULL UNIQUE,
    sender_id         TEXT NOT NULL,
    kind              TEXT NOT NULL,
    text              TEXT NOT NULL DEFAULT '',
    image             TEXT,
    image_hash        TEXT,
    appointment_at    INTEGER,
    appointment_place TEXT,
    appointment_state TEXT,
    system            TEXT,
    client_id         TEXT,
    created_at        INTEGER NOT NULL,
    PRIMARY KEY (chat_seq, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX chat_messages_client ON chat_messages(chat_seq, sender_id, client_id)
    WHERE client_id IS NOT NULL;
CREATE INDEX chat_messages_images ON chat_messages(image_hash) WHERE image_hash IS NOT NULL;

-- Who blocked whom, written only by BlockTable: a blocked user cannot open a chat with, or
-- message, the person who blocked them.
CREATE TABLE user_blocks (
    blocker_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    blocked_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
) WITHOUT ROWID;
)sql";

constexpr const char* kPaymentsAndLedger = R"sql(
-- What an order went through besides its status, written only by OrderTable: the shipment,
-- who confirmed an in-person sale, why it was cancelled, and when a shipped order confirms
-- itself.
ALTER TABLE orders ADD COLUMN carrier TEXT;
ALTER TABLE orders ADD COLUMN tracking_number TEXT;
ALTER TABLE orders ADD COLUMN buyer_confirmed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN seller_confirmed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN cancel_reason TEXT;
ALTER TABLE orders ADD COLUMN auto_confirm_at INTEGER;

-- Payments at the provider for an order, written only by PaymentTable (the payments domain):
-- the provider's id and what the server last confirmed of it. An order may have several (a
-- declined card, then another try); at most one is paid.
CREATE TABLE payments (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL,
    provider     TEXT NOT NULL,
    order_id     TEXT NOT NULL REFERENCES orders(id),
    amount       INTEGER NOT NULL,
    currency     TEXT NOT NULL,
    status       TEXT NOT NULL,
    checkout_url TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    UNIQUE (provider, id)
);
CREATE INDEX payments_order ON payments(order_id);
CREATE INDEX payments_open ON payments(updated_at) WHERE status IN ('pending', 'authorized');

-- The provider's webhook events as received, once per event id, written only by PaymentTable;
-- processed_at is set when a job has looked the payment up and applied it.
CREATE TABLE payment_events (
    provider     TEXT NOT NULL,
    event_id     TEXT NOT NULL,
    payment_id   TEXT NOT NULL,
    body         TEXT NOT NULL,
    received_at  INTEGER NOT NULL,
    processed_at INTEGER,
    PRIMARY KEY (provider, event_id)
) WITHOUT ROWID;

-- The double-entry ledger, append-only, written only by Ledger: every transfer is entries of
-- one txn whose amounts sum to zero, so all entries sum to zero. Accounts: buyer:{user} (what
-- a buyer paid in), escrow:{seller} (held for a seller's open orders), payable:{seller} (the
-- seller's to be paid out), paid_out:{seller}, revenue (the platform's fees).
CREATE TABLE ledger_entries (
    seq        INTEGER PRIMARY KEY,
    txn        TEXT NOT NULL,
    kind       TEXT NOT NULL,
    account    TEXT NOT NULL,
    amount     INTEGER NOT NULL,
    currency   TEXT NOT NULL,
    order_id   TEXT,
    payout_id  TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX ledger_entries_account ON ledger_entries(account, seq);
CREATE UNIQUE INDEX ledger_entries_once ON ledger_entries(txn, account);

-- Payouts of a seller's payable balance, written only by PayoutTable: created pending with the
-- amount they take, paid once the provider paid (the provider knows each by its id, so a
-- retried payout is the same payout).
CREATE TABLE payouts (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    seller_id  TEXT NOT NULL REFERENCES users(id),
    amount     INTEGER NOT NULL,
    currency   TEXT NOT NULL,
    status     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    paid_at    INTEGER
);
CREATE INDEX payouts_seller ON payouts(seller_id, seq);
CREATE UNIQUE INDEX payouts_open ON payouts(seller_id) WHERE status = 'pending';
)sql";

constexpr const char* kChatMemberIndexes = R"sql(
-- A member's chats by member only: with updated_at in these indexes every message moved an
-- entry in each of them (two more pages to log per message), while sorting one member's chats by
-- activity for their chat list is cheap.
DROP INDEX chats_buyer;
DROP INDEX chats_seller;
CREATE INDEX chats_buyer ON chats(buyer_id);
CREATE INDEX chats_seller ON chats(seller_id);
)sql";

constexpr Migration kMigrations[] = {
    {1, "accounts and listings", kAccountsAndListings},
    {2, "job queue", kJobs},
    {3, "live sessions index", kLiveSessions},
    {4, "jobs of any kind, scheduled and keyed", kJobsOfAnyKind},
    {5, "listing models in their own table", kListingModels},
    {6, "auction terms table, category browse indexes", kAuctionTerms},
    {7, "user roles", kUserRoles},
    {9, "notifications and mutes", kNotifications},
    {10, "saved keywords for alerts", kSavedKeywords},
    {11, "category names in Korean, category search words", kCategoryNamesInKorean},
    // Numbered after 11 though written as 8: databases made between the two merges are at 11.
    {12, "sign-in addresses", kSignInAddresses},
    {13, "keyword alerts sent, one notification index fewer", kKeywordAlerts},
    {14, "auctions, bids, orders, idempotency keys, unread counts", kAuctionsAndOrders},
    {15, "chats, chat messages, blocks", kChats},
    {16, "order steps, payments, webhook events, ledger, payouts", kPaymentsAndLedger},
    {17, "chat member indexes without the activity time", kChatMemberIndexes},
};

} // namespace

std::span<const Migration> migrations() { return kMigrations; }

} // namespace bitmarket::server::db
