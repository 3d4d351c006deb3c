<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ApiClient</name>
    <message>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1.</source>
        <translation>%1 서버에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation>서버 응답 오류 (%1).</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>세션이 만료되었습니다. 다시 로그인해 주세요.</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>다시 로그인해 주세요.</translation>
    </message>
</context>
<context>
    <name>AuctionLabels</name>
    <message>
        <source>Ended</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1일 %2시간</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>Ending…</source>
        <translation>마감 중…</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 남음</translation>
    </message>
    <message>
        <source>Leading</source>
        <translation>최고 입찰</translation>
    </message>
    <message>
        <source>Outbid</source>
        <translation>추월됨</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>낙찰</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>낙찰 실패</translation>
    </message>
    <message>
        <source>Someone bid more than my maximum</source>
        <translation>내 최대 입찰가를 넘는 입찰</translation>
    </message>
    <message>
        <source>I won an auction</source>
        <translation>내가 낙찰받은 경매</translation>
    </message>
    <message>
        <source>An auction I bid on ended without me</source>
        <translation>입찰했지만 놓친 경매</translation>
    </message>
    <message>
        <source>My auction sold</source>
        <translation>내 경매 낙찰</translation>
    </message>
    <message>
        <source>My auction ended unsold</source>
        <translation>내 경매 유찰</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>낙찰</translation>
    </message>
</context>
<context>
    <name>AuctionPanel</name>
    <message>
        <source>Sold for</source>
        <translation>낙찰가</translation>
    </message>
    <message>
        <source>Current bid</source>
        <translation>현재 입찰가</translation>
    </message>
    <message>
        <source>Starting price</source>
        <translation>시작가</translation>
    </message>
    <message numerus="yes">
        <source>%n bid(s)</source>
        <translation><numerusform>입찰 %n건</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n bidder(s)</source>
        <translation><numerusform>입찰자 %n명</numerusform></translation>
    </message>
    <message>
        <source>No bids yet</source>
        <translation>아직 입찰이 없어요</translation>
    </message>
    <message>
        <source>ends %1</source>
        <translation>%1 마감</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>%1 마감됨</translation>
    </message>
    <message>
        <source>Extended: a late bid moved the end.</source>
        <translation>연장됨: 마감 직전 입찰로 마감 시간이 늦춰졌어요.</translation>
    </message>
    <message>
        <source>Your reserve of %1 is met.</source>
        <translation>최저 낙찰가 %1에 도달했어요.</translation>
    </message>
    <message>
        <source>Your reserve: %1, not met yet.</source>
        <translation>최저 낙찰가 %1, 아직 도달하지 않았어요.</translation>
    </message>
    <message>
        <source>The seller&apos;s reserve is not met yet.</source>
        <translation>판매자의 최저 낙찰가에 아직 도달하지 않았어요.</translation>
    </message>
    <message>
        <source>You are the highest bidder. Your maximum: %1</source>
        <translation>최고 입찰자예요. 내 최대 입찰가: %1</translation>
    </message>
    <message>
        <source>You have been outbid. Your maximum was %1</source>
        <translation>다른 입찰자가 앞섰어요. 내 최대 입찰가: %1</translation>
    </message>
    <message>
        <source>The seller cancelled this auction.</source>
        <translation>판매자가 이 경매를 취소했어요.</translation>
    </message>
    <message>
        <source>You won this auction. Your order is waiting for payment.</source>
        <translation>낙찰받았어요. 주문이 결제를 기다리고 있어요.</translation>
    </message>
    <message>
        <source>Won by %1.</source>
        <translation>%1 님이 낙찰받았어요.</translation>
    </message>
    <message>
        <source>This auction has a winner.</source>
        <translation>낙찰자가 정해졌어요.</translation>
    </message>
    <message>
        <source>The auction ended without a sale.</source>
        <translation>낙찰 없이 경매가 끝났어요.</translation>
    </message>
    <message>
        <source>Raise my maximum</source>
        <translation>최대 입찰가 올리기</translation>
    </message>
    <message>
        <source>Bid %1 or more</source>
        <translation>%1 이상 입찰하기</translation>
    </message>
    <message>
        <source>Buy now for %1</source>
        <translation>%1에 즉시 구매</translation>
    </message>
    <message>
        <source>Your auction: buyers bid here. You can cancel it until the first bid.</source>
        <translation>내 경매예요. 구매자가 여기서 입찰하고, 첫 입찰 전까지는 취소할 수 있어요.</translation>
    </message>
    <message>
        <source>Your auction: bids have come in, so it runs to the end.</source>
        <translation>내 경매예요. 입찰이 들어와서 마감까지 진행돼요.</translation>
    </message>
    <message>
        <source>Cancel auction</source>
        <translation>경매 취소</translation>
    </message>
    <message>
        <source>Bids (%1)</source>
        <translation>입찰 내역 (%1)</translation>
    </message>
    <message>
        <source>Be the first to bid.</source>
        <translation>첫 입찰자가 되어 보세요.</translation>
    </message>
    <message>
        <source>Nobody bid.</source>
        <translation>입찰이 없었어요.</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (나)</translation>
    </message>
    <message>
        <source>Show earlier bids</source>
        <translation>이전 입찰 더 보기</translation>
    </message>
    <message>
        <source>Bought at the buy-now price</source>
        <translation>즉시 구매가로 팔렸어요</translation>
    </message>
    <message>
        <source>No bids</source>
        <translation>입찰 없음</translation>
    </message>
    <message>
        <source>Highest bid</source>
        <translation>최고 입찰가</translation>
    </message>
    <message>
        <source>You cancelled this auction.</source>
        <translation>이 경매를 취소했어요.</translation>
    </message>
    <message>
        <source>You bought it. Your order is waiting for payment.</source>
        <translation>구매했어요. 주문이 결제를 기다리고 있어요.</translation>
    </message>
    <message>
        <source>Someone bought it at the buy-now price.</source>
        <translation>다른 사람이 즉시 구매가로 샀어요.</translation>
    </message>
</context>
<context>
    <name>AuctionTermsDraft</name>
    <message>
        <source>Keep the current end (%1)</source>
        <translation>지금 마감 시각 그대로 (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation><numerusform>%n시간</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n일</numerusform></translation>
    </message>
    <message>
        <source>Leave it empty to use our table: the step grows with the price.</source>
        <translation>비워 두면 기본 표를 써요. 가격이 오를수록 단위도 커져요.</translation>
    </message>
    <message>
        <source>Leave it empty to use our table: %1 at this start price, more as the price grows.</source>
        <translation>비워 두면 기본 표를 써요. 이 시작가에서는 %1이고, 가격이 오를수록 커져요.</translation>
    </message>
    <message>
        <source>under %1: %2</source>
        <translation>%1 미만: %2</translation>
    </message>
    <message>
        <source>from %1: %2</source>
        <translation>%1 이상: %2</translation>
    </message>
    <message>
        <source>Enter the step in numbers, or leave it empty.</source>
        <translation>입찰 단위를 숫자로 입력하거나 비워 두세요.</translation>
    </message>
    <message>
        <source>That step is higher than BitMarket allows.</source>
        <translation>BitMarket에서 받을 수 있는 단위보다 커요.</translation>
    </message>
    <message>
        <source>Enter the reserve in numbers, or leave it empty.</source>
        <translation>최저 낙찰가를 숫자로 입력하거나 비워 두세요.</translation>
    </message>
    <message>
        <source>The reserve cannot be below the start price.</source>
        <translation>최저 낙찰가는 시작가보다 낮을 수 없어요.</translation>
    </message>
    <message>
        <source>That price is higher than BitMarket allows.</source>
        <translation>BitMarket에서 받을 수 있는 가격보다 높아요.</translation>
    </message>
    <message>
        <source>Enter the buy-now price in numbers, or leave it empty.</source>
        <translation>즉시 구매가를 숫자로 입력하거나 비워 두세요.</translation>
    </message>
    <message>
        <source>Buy-now must be above the start price.</source>
        <translation>즉시 구매가는 시작가보다 높아야 해요.</translation>
    </message>
    <message>
        <source>Buy-now cannot be below the reserve.</source>
        <translation>즉시 구매가는 최저 낙찰가보다 낮을 수 없어요.</translation>
    </message>
    <message>
        <source>Choose how long the auction runs.</source>
        <translation>경매 기간을 고르세요.</translation>
    </message>
</context>
<context>
    <name>FavoriteButton</name>
    <message>
        <source>Remove from favorites</source>
        <translation>관심 목록에서 빼기</translation>
    </message>
    <message>
        <source>Add to favorites</source>
        <translation>관심 목록에 추가</translation>
    </message>
</context>
<context>
    <name>FavoritesPage</name>
    <message>
        <source>Favorites</source>
        <translation>관심 목록</translation>
    </message>
    <message>
        <source>No favorites yet</source>
        <translation>아직 관심 상품이 없어요</translation>
    </message>
    <message>
        <source>Click the heart on a listing to keep it here.</source>
        <translation>상품의 하트를 클릭하면 여기에 모아 둘 수 있어요.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search for anything — 카메라, bike, lamp…</source>
        <translation>무엇이든 검색하세요 — 카메라, 자전거, 조명…</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>최신순</translation>
    </message>
    <message>
        <source>Price: low to high</source>
        <translation>낮은 가격순</translation>
    </message>
    <message>
        <source>Price: high to low</source>
        <translation>높은 가격순</translation>
    </message>
    <message>
        <source>Most popular</source>
        <translation>인기순</translation>
    </message>
    <message>
        <source>Ending soon</source>
        <translation>마감 임박순</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>전체 카테고리</translation>
    </message>
    <message>
        <source>Min price</source>
        <translation>최소 가격</translation>
    </message>
    <message>
        <source>Max price</source>
        <translation>최대 가격</translation>
    </message>
    <message>
        <source>Any sale type</source>
        <translation>모든 판매 방식</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>새로고침 (F5)</translation>
    </message>
</context>
<context>
    <name>FullImageViewer</name>
    <message>
        <source>Close (Esc)</source>
        <translation>닫기 (Esc)</translation>
    </message>
    <message>
        <source>Previous photo</source>
        <translation>이전 사진</translation>
    </message>
    <message>
        <source>Next photo</source>
        <translation>다음 사진</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>축소 (−)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>확대 (+)</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Alert me when this is listed</source>
        <translation>이 검색어로 새 매물 알림 받기</translation>
    </message>
    <message>
        <source>Results for “%1”</source>
        <translation>“%1” 검색 결과</translation>
    </message>
    <message>
        <source>Discover</source>
        <translation>둘러보기</translation>
    </message>
    <message>
        <source>No listings match “%1”</source>
        <translation>“%1”에 맞는 상품이 없어요</translation>
    </message>
    <message>
        <source>No listings match these filters</source>
        <translation>이 조건에 맞는 상품이 없어요</translation>
    </message>
    <message>
        <source>Try other words, another category or a wider price range.</source>
        <translation>다른 검색어나 카테고리, 더 넓은 가격대로 찾아보세요.</translation>
    </message>
    <message>
        <source>Ending soon</source>
        <translation>곧 마감되는 경매</translation>
    </message>
    <message>
        <source>Bid before the clock runs out</source>
        <translation>시간이 다 되기 전에 입찰하세요</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>최신 매물</translation>
    </message>
    <message>
        <source>The lowest price is above the highest</source>
        <translation>최저 가격이 최고 가격보다 높아요</translation>
    </message>
    <message>
        <source>No price can be both. Swap them to see what sells between the two.</source>
        <translation>두 조건을 모두 맞는 가격은 없어요. 두 가격을 바꾸면 그 사이의 상품을 볼 수 있어요.</translation>
    </message>
    <message>
        <source>Swap the prices</source>
        <translation>가격 바꾸기</translation>
    </message>
    <message>
        <source>Recently viewed</source>
        <translation>최근 본 상품</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
</context>
<context>
    <name>ListingCard</name>
    <message>
        <source>3D</source>
        <translation>3D</translation>
    </message>
    <message>
        <source>Auction · %1</source>
        <translation>경매 · %1</translation>
    </message>
    <message numerus="yes">
        <source>%n bid(s)</source>
        <translation><numerusform>입찰 %n건</numerusform></translation>
    </message>
</context>
<context>
    <name>ListingDetail</name>
    <message>
        <source>This listing is no longer available.</source>
        <translation>더 이상 볼 수 없는 상품입니다.</translation>
    </message>
</context>
<context>
    <name>ListingDraft</name>
    <message>
        <source>A listing can have at most %1 photos.</source>
        <translation>사진은 최대 %1장까지 올릴 수 있어요.</translation>
    </message>
    <message>
        <source>%1 is not a JPEG, PNG or WebP image.</source>
        <translation>%1은(는) JPEG, PNG, WebP 이미지가 아닙니다.</translation>
    </message>
    <message>
        <source>%1 is larger than 20 MB.</source>
        <translation>%1이(가) 20MB보다 큽니다.</translation>
    </message>
    <message>
        <source>Give the item a title.</source>
        <translation>상품 제목을 입력해 주세요.</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>카테고리를 선택해 주세요.</translation>
    </message>
    <message>
        <source>Enter a price, like 25,000.</source>
        <translation>가격을 입력하세요 (예: 25,000)</translation>
    </message>
    <message>
        <source>Choose the item's condition.</source>
        <translation>상품 상태를 선택해 주세요.</translation>
    </message>
    <message>
        <source>Please check the highlighted fields.</source>
        <translation>표시된 항목을 확인해 주세요.</translation>
    </message>
    <message>
        <source>Cannot read the file.</source>
        <translation>파일을 읽을 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) could not be uploaded. Save again to retry.</source>
        <translation><numerusform>사진 %n장을 올리지 못했어요. 다시 저장하면 재시도합니다.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Use at most %n character(s).</source>
        <translation><numerusform>%n자까지 쓸 수 있어요.</numerusform></translation>
    </message>
    <message>
        <source>That price is higher than BitMarket allows.</source>
        <translation>BitMarket에서 받을 수 있는 가격보다 높아요.</translation>
    </message>
    <message numerus="yes">
        <source>Use at most %n tag(s).</source>
        <translation><numerusform>태그는 %n개까지 달 수 있어요.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Keep each tag to %n character(s).</source>
        <translation><numerusform>태그는 하나에 %n자까지예요.</numerusform></translation>
    </message>
    <message>
        <source>%1 is already in this listing.</source>
        <translation>%1은(는) 이미 이 매물에 있어요.</translation>
    </message>
    <message>
        <source>%1 is the same photo as %2, already in this listing.</source>
        <translation>%1은(는) 이미 올린 %2와(과) 같은 사진이에요.</translation>
    </message>
</context>
<context>
    <name>ListingGrid</name>
    <message>
        <source>Nothing here yet</source>
        <translation>아직 아무것도 없어요</translation>
    </message>
    <message>
        <source>Release to refresh</source>
        <translation>놓으면 새로고침</translation>
    </message>
    <message>
        <source>Pull to refresh</source>
        <translation>당겨서 새로고침</translation>
    </message>
    <message>
        <source>Could not load listings</source>
        <translation>상품을 불러오지 못했어요</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message numerus="yes">
        <source>That is all: %n listing(s)</source>
        <translation><numerusform>여기까지예요: 상품 %n개</numerusform></translation>
    </message>
</context>
<context>
    <name>ListingLabels</name>
    <message>
        <source>New</source>
        <translation>새 상품</translation>
    </message>
    <message>
        <source>Like new</source>
        <translation>거의 새것</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>좋음</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>보통</translation>
    </message>
    <message>
        <source>For parts</source>
        <translation>부품용</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>판매 중</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>예약 중</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>판매 완료</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>삭제됨</translation>
    </message>
    <message>
        <source>Fixed price</source>
        <translation>즉시 구매</translation>
    </message>
    <message>
        <source>Auction</source>
        <translation>경매</translation>
    </message>
</context>
<context>
    <name>ListingPage</name>
    <message>
        <source>Chat with seller</source>
        <translation>판매자와 채팅</translation>
    </message>
    <message>
        <source>Try the 3D model again</source>
        <translation>3D 모델 다시 만들기</translation>
    </message>
    <message>
        <source>Make a 3D model</source>
        <translation>3D 모델 만들기</translation>
    </message>
    <message>
        <source>The server turns your photos into a model buyers can turn around. 10 or more photos from all sides work best.</source>
        <translation>서버가 사진으로 구매자가 돌려 볼 수 있는 3D 모델을 만듭니다. 여러 방향에서 찍은 사진 10장 이상이 가장 좋습니다.</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>뒤로 (Esc)</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>사진</translation>
    </message>
    <message>
        <source>3D view</source>
        <translation>3D 보기</translation>
    </message>
    <message numerus="yes">
        <source>%n view(s)</source>
        <translation><numerusform>조회 %n</numerusform></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>수정</translation>
    </message>
    <message>
        <source>This is your listing</source>
        <translation>내가 올린 상품</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>판매자</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>The seller did not write a description.</source>
        <translation>판매자가 설명을 남기지 않았어요.</translation>
    </message>
    <message>
        <source>Could not open this listing</source>
        <translation>상품을 열 수 없어요</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>You are the highest bidder</source>
        <translation>최고 입찰자가 되었어요</translation>
    </message>
    <message>
        <source>Bid placed, but another bidder&apos;s maximum is higher</source>
        <translation>입찰했지만 다른 입찰자의 최대 입찰가가 더 높아요</translation>
    </message>
    <message>
        <source>It is yours: your order is waiting for payment</source>
        <translation>구매했어요. 주문이 결제를 기다리고 있어요</translation>
    </message>
    <message>
        <source>Auction cancelled</source>
        <translation>경매를 취소했어요</translation>
    </message>
    <message>
        <source>Sign in to bid.</source>
        <translation>입찰하려면 로그인하세요.</translation>
    </message>
    <message>
        <source>Sign in to buy this.</source>
        <translation>구매하려면 로그인하세요.</translation>
    </message>
    <message>
        <source>Buy it now?</source>
        <translation>지금 바로 구매할까요?</translation>
    </message>
    <message>
        <source>You buy “%1” for %2 and the auction ends at once. An order is made for you to pay.</source>
        <translation>“%1”을(를) %2에 구매하고 경매는 바로 끝나요. 결제할 주문이 만들어져요.</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>Buy now</source>
        <translation>즉시 구매</translation>
    </message>
    <message>
        <source>Cancel this auction?</source>
        <translation>이 경매를 취소할까요?</translation>
    </message>
    <message>
        <source>Nobody has bid yet. The auction ends now and cannot be started again.</source>
        <translation>아직 입찰이 없어요. 경매는 지금 끝나고 다시 시작할 수 없어요.</translation>
    </message>
    <message>
        <source>Keep it running</source>
        <translation>계속 진행</translation>
    </message>
    <message>
        <source>Cancel auction</source>
        <translation>경매 취소</translation>
    </message>
    <message>
        <source>3D: being made</source>
        <translation>3D: 만드는 중</translation>
    </message>
    <message>
        <source>No 3D yet</source>
        <translation>3D 없음</translation>
    </message>
    <message>
        <source>%1% done</source>
        <translation>%1% 완료</translation>
    </message>
    <message>
        <source>More from %1</source>
        <translation>%1의 다른 상품</translation>
    </message>
    <message>
        <source>More from this seller</source>
        <translation>이 판매자의 다른 상품</translation>
    </message>
    <message>
        <source>Search for %1</source>
        <translation>%1 검색</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>링크 복사</translation>
    </message>
    <message>
        <source>Link copied: %1</source>
        <translation>링크를 복사했어요: %1</translation>
    </message>
    <message>
        <source>Someone else bought this just before you. It is no longer for sale.</source>
        <translation>방금 다른 분이 먼저 구매했어요. 더 이상 판매 중이 아니에요.</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>구매하기</translation>
    </message>
</context>
<context>
    <name>LiveAuction</name>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>you</source>
        <translation>나</translation>
    </message>
    <message>
        <source>This auction has ended.</source>
        <translation>이미 끝난 경매예요.</translation>
    </message>
    <message>
        <source>You cannot bid on your own listing.</source>
        <translation>내 상품에는 입찰할 수 없어요.</translation>
    </message>
    <message>
        <source>Enter your maximum in numbers, like %1.</source>
        <translation>최대 입찰가를 %1처럼 숫자로 입력하세요.</translation>
    </message>
    <message>
        <source>Your maximum is already %1: enter more to raise it.</source>
        <translation>최대 입찰가가 이미 %1이에요. 올리려면 더 큰 금액을 입력하세요.</translation>
    </message>
    <message>
        <source>Bid at least %1.</source>
        <translation>%1 이상으로 입찰하세요.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Sign in to chat with the seller.</source>
        <translation>판매자와 채팅하려면 로그인해 주세요.</translation>
    </message>
    <message>
        <source>Sign in to see your chats.</source>
        <translation>채팅을 보려면 로그인해 주세요.</translation>
    </message>
    <message>
        <source>We will tell you when “%1” is listed</source>
        <translation>“%1” 매물이 올라오면 알려 드릴게요</translation>
    </message>
    <message>
        <source>Sign in to be alerted of new listings.</source>
        <translation>새 매물 알림을 받으려면 로그인해 주세요.</translation>
    </message>
    <message>
        <source>BitMarket</source>
        <translation>비트마켓</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>홈</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>판매하기</translation>
    </message>
    <message>
        <source>Favorites</source>
        <translation>관심 목록</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Your listing is live</source>
        <translation>상품이 등록되었어요</translation>
    </message>
    <message>
        <source>Sign in to sell an item.</source>
        <translation>상품을 판매하려면 로그인해 주세요.</translation>
    </message>
    <message>
        <source>Sign in to see the items you sell.</source>
        <translation>내 상품을 보려면 로그인해 주세요.</translation>
    </message>
    <message>
        <source>Sign in to see your favorites.</source>
        <translation>관심 목록을 보려면 로그인해 주세요.</translation>
    </message>
    <message>
        <source>Sign in to save favorites.</source>
        <translation>관심 상품으로 저장하려면 로그인해 주세요.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>My bids</source>
        <translation>내 입찰</translation>
    </message>
    <message>
        <source>Sign in to see your bids.</source>
        <translation>입찰 내역을 보려면 로그인하세요.</translation>
    </message>
    <message>
        <source>My listings</source>
        <translation>내 판매 상품</translation>
    </message>
    <message>
        <source>Changes saved</source>
        <translation>변경 사항을 저장했어요</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Sign in to see your orders.</source>
        <translation>주문을 보려면 로그인하세요.</translation>
    </message>
</context>
<context>
    <name>ModelFile</name>
    <message>
        <source>The 3D model could not be downloaded (%1).</source>
        <translation>3D 모델을 내려받지 못했습니다 (%1).</translation>
    </message>
    <message>
        <source>The file the server sent is not a 3D model.</source>
        <translation>서버가 보낸 파일이 3D 모델이 아닙니다.</translation>
    </message>
    <message>
        <source>The 3D model could not be saved to the cache.</source>
        <translation>3D 모델을 캐시에 저장하지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>ModelViewer</name>
    <message>
        <source>This 3D model could not be opened: %1</source>
        <translation>3D 모델을 열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>This 3D model has no visible geometry.</source>
        <translation>이 3D 모델에는 보이는 형상이 없습니다.</translation>
    </message>
    <message>
        <source>Downloading 3D model… %1%</source>
        <translation>3D 모델 내려받는 중… %1%</translation>
    </message>
    <message>
        <source>Preparing 3D model…</source>
        <translation>3D 모델 준비 중…</translation>
    </message>
    <message>
        <source>3D view unavailable</source>
        <translation>3D 보기를 사용할 수 없어요</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Approximate model</source>
        <translation>근사 모델</translation>
    </message>
    <message>
        <source>Drag to turn · Scroll to zoom · Right-drag to pan · Double-click to reset</source>
        <translation>드래그로 회전 · 스크롤로 확대 · 오른쪽 드래그로 이동 · 더블클릭으로 초기화</translation>
    </message>
    <message>
        <source>Stop turning</source>
        <translation>회전 멈추기</translation>
    </message>
    <message>
        <source>Turn automatically</source>
        <translation>자동 회전</translation>
    </message>
    <message>
        <source>Reset view (double-click)</source>
        <translation>시점 초기화 (더블클릭)</translation>
    </message>
</context>
<context>
    <name>MyBidsPage</name>
    <message>
        <source>My bids</source>
        <translation>내 입찰</translation>
    </message>
    <message>
        <source>Your maximum %1</source>
        <translation>내 최대 입찰가 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n bid(s)</source>
        <translation><numerusform>입찰 %n건</numerusform></translation>
    </message>
    <message>
        <source>You have not bid on anything yet</source>
        <translation>아직 입찰한 경매가 없어요</translation>
    </message>
    <message>
        <source>Auctions show a clock on their card. Bid once and follow it here.</source>
        <translation>경매 상품은 카드에 시계가 보여요. 입찰하면 여기서 이어서 볼 수 있어요.</translation>
    </message>
    <message>
        <source>Browse listings</source>
        <translation>상품 둘러보기</translation>
    </message>
    <message>
        <source>Could not load your bids</source>
        <translation>입찰 내역을 불러오지 못했어요</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
</context>
<context>
    <name>MyListingsPage</name>
    <message>
        <source>Listing deleted</source>
        <translation>상품을 삭제했어요</translation>
    </message>
    <message>
        <source>My listings</source>
        <translation>내 판매 상품</translation>
    </message>
    <message>
        <source>Sell an item</source>
        <translation>상품 판매하기</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>수정</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>You are not selling anything yet</source>
        <translation>아직 판매 중인 상품이 없어요</translation>
    </message>
    <message>
        <source>List an item in a minute: a few photos, a title and a price.</source>
        <translation>사진 몇 장과 제목, 가격만 있으면 1분 만에 올릴 수 있어요.</translation>
    </message>
    <message>
        <source>Delete this listing?</source>
        <translation>이 상품을 삭제할까요?</translation>
    </message>
    <message>
        <source>“%1” will disappear from search and from buyers' favorites. This cannot be undone.</source>
        <translation>“%1”이(가) 검색과 구매자의 관심 목록에서 사라집니다. 되돌릴 수 없어요.</translation>
    </message>
    <message>
        <source>Marked as %1</source>
        <translation>%1(으)로 바꿨어요</translation>
    </message>
    <message numerus="yes">
        <source>%n view(s)</source>
        <translation><numerusform>조회 %n회</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n favorite(s)</source>
        <translation><numerusform>관심 %n</numerusform></translation>
    </message>
    <message>
        <source>3D ready</source>
        <translation>3D 완성</translation>
    </message>
    <message>
        <source>3D being made</source>
        <translation>3D 만드는 중</translation>
    </message>
    <message>
        <source>3D failed</source>
        <translation>3D 실패</translation>
    </message>
    <message>
        <source>No 3D yet</source>
        <translation>3D 없음</translation>
    </message>
    <message>
        <source>Auction · %1</source>
        <translation>경매 · %1</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Offline — cannot reach %1. Showing what was loaded.</source>
        <translation>오프라인 — %1에 연결할 수 없어요. 불러온 내용만 보여 줍니다.</translation>
    </message>
    <message>
        <source>Live updates paused — reconnecting…</source>
        <translation>실시간 업데이트 일시 중지 — 다시 연결하는 중…</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>지금 재시도</translation>
    </message>
</context>
<context>
    <name>PhotoCarousel</name>
    <message>
        <source>Previous photo</source>
        <translation>이전 사진</translation>
    </message>
    <message>
        <source>Next photo</source>
        <translation>다음 사진</translation>
    </message>
    <message>
        <source>Full size</source>
        <translation>원본 크기</translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>사진 없음</translation>
    </message>
    <message>
        <source>Earlier photos</source>
        <translation>앞 사진</translation>
    </message>
    <message>
        <source>More photos</source>
        <translation>사진 더 보기</translation>
    </message>
</context>
<context>
    <name>PlaceBidDialog</name>
    <message>
        <source>Raise your maximum</source>
        <translation>최대 입찰가 올리기</translation>
    </message>
    <message>
        <source>Place a bid</source>
        <translation>입찰하기</translation>
    </message>
    <message>
        <source>Enter the most you would pay: we bid for you only as much as it takes to keep you ahead, up to that amount, and nobody sees it.</source>
        <translation>낼 수 있는 최대 금액을 입력하세요. 그 금액까지 앞서는 데 필요한 만큼만 대신 입찰하며, 이 금액은 아무도 볼 수 없어요.</translation>
    </message>
    <message>
        <source>Your maximum (₩)</source>
        <translation>최대 입찰가 (₩)</translation>
    </message>
    <message>
        <source>Now %1. Enter more to raise it.</source>
        <translation>지금 %1. 올리려면 더 큰 금액을 입력하세요.</translation>
    </message>
    <message>
        <source>At least %1 (current price %2)</source>
        <translation>%1 이상 (현재가 %2)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Place bid</source>
        <translation>입찰</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>방금 전</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation><numerusform>%n분 전</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation><numerusform>%n시간 전</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation><numerusform>%n일 전</numerusform></translation>
    </message>
</context>
<context>
    <name>SellPage</name>
    <message>
        <source>This auction has bids or has ended, so its start price and terms stay as they are.</source>
        <translation>입찰이 있거나 끝난 경매라서 시작가와 조건은 바꿀 수 없어요.</translation>
    </message>
    <message>
        <source>Discard this draft?</source>
        <translation>작성 중인 글을 버릴까요?</translation>
    </message>
    <message>
        <source>The details and photos you added will be lost.</source>
        <translation>입력한 내용과 추가한 사진이 사라집니다.</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>계속 작성</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Edit listing</source>
        <translation>상품 수정</translation>
    </message>
    <message>
        <source>Sell an item</source>
        <translation>상품 판매하기</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>What are you selling?</source>
        <translation>어떤 물건을 파시나요?</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Price (₩)</source>
        <translation>가격 (원)</translation>
    </message>
    <message>
        <source>25,000</source>
        <translation>25,000</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Size, age, flaws, what is included, how to meet…</source>
        <translation>크기, 사용 기간, 흠집, 구성품, 거래 방법…</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Separate with commas</source>
        <translation>쉼표로 구분</translation>
    </message>
    <message>
        <source>vintage, film, camera</source>
        <translation>빈티지, 필름, 카메라</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>지역</translation>
    </message>
    <message>
        <source>Seoul, Mapo-gu</source>
        <translation>서울 마포구</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Uploading photos…</source>
        <translation>사진 올리는 중…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>변경 사항 저장</translation>
    </message>
    <message>
        <source>Publish listing</source>
        <translation>상품 등록</translation>
    </message>
    <message>
        <source>Photos %1/%2</source>
        <translation>사진 %1/%2</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>사진 추가</translation>
    </message>
    <message>
        <source>The first photo is the cover: drag photos to change the order. 10 or more photos from all sides let the server build a 3D model.</source>
        <translation>첫 번째 사진이 대표 사진이 됩니다. 사진을 끌어서 순서를 바꿀 수 있어요. 여러 방향에서 10장 이상 찍으면 서버가 3D 모델을 만들어 줘요.</translation>
    </message>
    <message>
        <source>Drop photos here</source>
        <translation>사진을 여기에 끌어다 놓으세요</translation>
    </message>
    <message>
        <source>JPEG, PNG or WebP, up to 20 MB each</source>
        <translation>JPEG, PNG, WebP · 장당 최대 20MB</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>대표</translation>
    </message>
    <message>
        <source>Photo %1, the cover</source>
        <translation>사진 %1, 대표 사진</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>사진 %1</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>사진 삭제</translation>
    </message>
    <message>
        <source>Move earlier</source>
        <translation>앞으로 이동</translation>
    </message>
    <message>
        <source>Move later</source>
        <translation>뒤로 이동</translation>
    </message>
    <message>
        <source>How to sell</source>
        <translation>판매 방식</translation>
    </message>
    <message>
        <source>Start price (₩)</source>
        <translation>시작가 (₩)</translation>
    </message>
    <message>
        <source>Bid step (₩, optional)</source>
        <translation>입찰 단위 (₩, 선택)</translation>
    </message>
    <message>
        <source>Our table</source>
        <translation>기본 표</translation>
    </message>
    <message>
        <source>Runs for</source>
        <translation>경매 기간</translation>
    </message>
    <message>
        <source>Reserve price (₩, optional)</source>
        <translation>최저 낙찰가 (₩, 선택)</translation>
    </message>
    <message>
        <source>It sells only if bids reach this; bidders see only whether it is met.</source>
        <translation>입찰가가 이 금액에 닿아야 팔려요. 입찰자는 도달 여부만 볼 수 있어요.</translation>
    </message>
    <message>
        <source>No reserve</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Buy-now price (₩, optional)</source>
        <translation>즉시 구매가 (₩, 선택)</translation>
    </message>
    <message>
        <source>Anyone can buy at this price until the first bid (with a reserve, until it is met).</source>
        <translation>첫 입찰 전까지(최저 낙찰가가 있으면 도달 전까지) 누구나 이 가격에 바로 살 수 있어요.</translation>
    </message>
    <message>
        <source>No buy-now</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Start auction</source>
        <translation>경매 시작</translation>
    </message>
    <message>
        <source>How to shoot photos for 3D</source>
        <translation>3D용 사진 찍는 법</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>세션이 만료되었습니다. 다시 로그인해 주세요.</translation>
    </message>
    <message>
        <source>Enter your username or email.</source>
        <translation>아이디 또는 이메일을 입력해 주세요.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>비밀번호를 입력해 주세요.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>아이디 또는 비밀번호가 올바르지 않습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation><numerusform>시도 횟수가 너무 많아요. %n초 후에 다시 시도해 주세요.</numerusform></translation>
    </message>
    <message>
        <source>At least 3 characters: a-z, 0-9, _ and .</source>
        <translation>3자 이상: a-z, 0-9, _ 와 .</translation>
    </message>
    <message>
        <source>Enter a valid email address.</source>
        <translation>올바른 이메일 주소를 입력해 주세요.</translation>
    </message>
    <message>
        <source>At least 8 characters.</source>
        <translation>8자 이상 입력해 주세요.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Notifications</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Tell me about</source>
        <translation>알림 받을 항목</translation>
    </message>
    <message>
        <source>Saved keywords (%1 of %2)</source>
        <translation>저장한 키워드 (%1/%2)</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>“%1” 삭제</translation>
    </message>
    <message>
        <source>A word to watch for, e.g. lamp or 자전거</source>
        <translation>지켜볼 단어, 예: 조명, 자전거</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>The BitMarket server this app talks to. Your sign-in is kept per server.</source>
        <translation>이 앱이 연결할 비트마켓 서버입니다. 로그인은 서버별로 유지됩니다.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Connected, live updates on</source>
        <translation>연결됨 · 실시간 업데이트 켜짐</translation>
    </message>
    <message>
        <source>Connected, live updates reconnecting</source>
        <translation>연결됨 · 실시간 업데이트 다시 연결 중</translation>
    </message>
    <message>
        <source>Cannot reach the server</source>
        <translation>서버에 연결할 수 없음</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>화면</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <source>System</source>
        <translation>시스템 설정</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>라이트</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>다크</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>계정</translation>
    </message>
    <message>
        <source>Signed in as %1 (@%2)</source>
        <translation>%1 (@%2) 님으로 로그인됨</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <source>You are browsing without an account.</source>
        <translation>로그인하지 않고 둘러보는 중입니다.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>BitMarket %1</source>
        <translation>비트마켓 %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>확인하는 중…</translation>
    </message>
    <message>
        <source>The app stays on %1.</source>
        <translation>앱은 계속 %1에 연결되어 있어요.</translation>
    </message>
    <message>
        <source>Switched from %1.</source>
        <translation>%1에서 바꿨어요.</translation>
    </message>
    <message>
        <source>Switch back</source>
        <translation>되돌리기</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Second-hand things you can turn in your hands before you buy.</source>
        <translation>사기 전에 손안에서 돌려 보는 중고 거래.</translation>
    </message>
    <message>
        <source>Back to browsing</source>
        <translation>둘러보기로 돌아가기</translation>
    </message>
    <message>
        <source>Create your account</source>
        <translation>계정 만들기</translation>
    </message>
    <message>
        <source>Sign in to BitMarket</source>
        <translation>BitMarket에 로그인</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>서버: %1</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>아이디</translation>
    </message>
    <message>
        <source>3–32 characters: a-z, 0-9, _ and .</source>
        <translation>3–32자: a-z, 0-9, _ 와 .</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>표시 이름</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>Username or email</source>
        <translation>아이디 또는 이메일</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>가입하기</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>이미 계정이 있어요</translation>
    </message>
    <message>
        <source>New here? Create an account</source>
        <translation>처음이신가요? 계정 만들기</translation>
    </message>
    <message>
        <source>Use server</source>
        <translation>이 서버 사용</translation>
    </message>
</context>
<context>
    <name>NotificationBell</name>
    <message>
        <source>Alerts</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>알림</translation>
    </message>
    <message numerus="yes">
        <source>Notifications, %n unread</source>
        <translation><numerusform>알림, 읽지 않음 %n개</numerusform></translation>
    </message>
</context>
<context>
    <name>NotificationPanel</name>
    <message>
        <source>Notifications</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>모두 읽음</translation>
    </message>
    <message>
        <source>Nothing new</source>
        <translation>새 알림이 없어요</translation>
    </message>
    <message>
        <source>Save a keyword or a favorite and you will hear about it here.</source>
        <translation>키워드를 저장하거나 관심 상품을 담아 두면 여기에서 알려 드려요.</translation>
    </message>
</context>
<context>
    <name>AlertSettings</name>
    <message>
        <source>up to %1</source>
        <translation>%1 이하</translation>
    </message>
    <message>
        <source>Any category, any price</source>
        <translation>모든 카테고리, 모든 가격</translation>
    </message>
    <message>
        <source>New listings for my keywords</source>
        <translation>내 키워드의 새 매물</translation>
    </message>
    <message>
        <source>Price drops on my favorites</source>
        <translation>관심 상품 가격 인하</translation>
    </message>
    <message>
        <source>My 3D model is ready</source>
        <translation>3D 모델 완성</translation>
    </message>
    <message>
        <source>My 3D model failed</source>
        <translation>3D 모델 실패</translation>
    </message>
    <message>
        <source>Chat messages while I am away</source>
        <translation>접속하지 않았을 때 온 채팅</translation>
    </message>
    <message>
        <source>Changes to my orders</source>
        <translation>내 주문의 진행 상황</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <source>Choose photos</source>
        <translation>사진 선택</translation>
    </message>
    <message>
        <source>Up one folder</source>
        <translation>상위 폴더</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>사진 폴더</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>모두 선택</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>추가됨</translation>
    </message>
    <message>
        <source>No photos in this folder</source>
        <translation>이 폴더에는 사진이 없어요</translation>
    </message>
    <message>
        <source>JPEG, PNG or WebP files show here. Open another folder above.</source>
        <translation>JPEG, PNG, WebP 파일이 여기에 보여요. 위에서 다른 폴더를 여세요.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) chosen: the listing is full</source>
        <translation><numerusform>사진 %n장 선택: 더 넣을 수 없어요</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) chosen</source>
        <translation><numerusform>사진 %n장 선택</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>room for %n more</source>
        <translation><numerusform>%n장 더 넣을 수 있어요</numerusform></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message numerus="yes">
        <source>Add %n photo(s)</source>
        <translation><numerusform>사진 %n장 추가</numerusform></translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>사진 추가</translation>
    </message>
</context>
<context>
    <name>ShootingGuide</name>
    <message>
        <source>Photos for a good 3D model</source>
        <translation>좋은 3D 모델을 위한 사진</translation>
    </message>
    <message>
        <source>Put the item on a plain table or floor, away from clutter, in soft even light: daylight from a window, no flash.</source>
        <translation>물건을 주변이 깔끔한 무늬 없는 탁자나 바닥에 두고, 창가의 햇빛처럼 부드럽고 고른 빛에서 찍으세요. 플래시는 끄세요.</translation>
    </message>
    <message>
        <source>Walk around it once at its height and once from a little above, a photo every step or two: 20 to 40 photos in all.</source>
        <translation>물건 높이에서 한 바퀴, 조금 위에서 한 바퀴 돌며 한두 걸음마다 한 장씩, 모두 20~40장을 찍으세요.</translation>
    </message>
    <message>
        <source>Keep the whole item in the picture and sharp, filling most of it. Each photo should overlap the one before.</source>
        <translation>물건 전체가 화면 대부분을 채우고 초점이 맞게 찍으세요. 사진마다 앞 사진과 겹치는 부분이 있어야 해요.</translation>
    </message>
    <message>
        <source>Do not move the item between photos. Shiny, see-through and very thin things come out rough.</source>
        <translation>찍는 동안 물건을 움직이지 마세요. 반짝이거나 투명하거나 아주 얇은 물건은 거칠게 나올 수 있어요.</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>알겠어요</translation>
    </message>
</context>
<context>
    <name>ModelProgress</name>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>%2단계 중 %1단계: %3</translation>
    </message>
    <message>
        <source>reading your photos</source>
        <translation>사진 읽는 중</translation>
    </message>
    <message>
        <source>finding where each photo was taken</source>
        <translation>각 사진을 찍은 위치 찾는 중</translation>
    </message>
    <message>
        <source>measuring how far each point is</source>
        <translation>각 지점까지의 거리 재는 중</translation>
    </message>
    <message>
        <source>joining the views into one shape</source>
        <translation>여러 시점을 하나의 형태로 합치는 중</translation>
    </message>
    <message>
        <source>building the surface</source>
        <translation>표면 만드는 중</translation>
    </message>
    <message>
        <source>painting it from your photos</source>
        <translation>사진으로 색 입히는 중</translation>
    </message>
    <message>
        <source>making an approximate model from the photos</source>
        <translation>사진으로 대략적인 모델 만드는 중</translation>
    </message>
    <message>
        <source>saving the model</source>
        <translation>모델 저장 중</translation>
    </message>
    <message>
        <source>Something went wrong; trying again shortly</source>
        <translation>문제가 생겨 곧 다시 시도해요</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>시작하는 중</translation>
    </message>
    <message>
        <source>Waiting for its turn</source>
        <translation>차례를 기다리는 중</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>1분 안에 끝나요</translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation><numerusform>약 %n분 남음</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n h left</source>
        <translation><numerusform>약 %n시간 남음</numerusform></translation>
    </message>
</context>
<context>
    <name>ServerCheck</name>
    <message>
        <source>%1 answers, but it is not a BitMarket server.</source>
        <translation>%1에서 응답은 오지만 BitMarket 서버가 아니에요.</translation>
    </message>
    <message>
        <source>No BitMarket server answers at %1.</source>
        <translation>%1에서 응답하는 BitMarket 서버가 없어요.</translation>
    </message>
</context>
<context>
    <name>SellerPage</name>
    <message>
        <source>Back (Esc)</source>
        <translation>뒤로 (Esc)</translation>
    </message>
    <message>
        <source>Your listings as buyers see them</source>
        <translation>구매자에게 보이는 내 상품</translation>
    </message>
    <message>
        <source>Listings from this seller</source>
        <translation>이 판매자의 상품</translation>
    </message>
    <message>
        <source>Nothing on sale right now</source>
        <translation>지금 판매 중인 상품이 없어요</translation>
    </message>
    <message>
        <source>This seller has no listings at the moment.</source>
        <translation>이 판매자는 지금 올린 상품이 없어요.</translation>
    </message>
</context>
<context>
    <name>ChatBubble</name>
    <message>
        <source>Meet-up</source>
        <translation>만남 약속</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>수락됨</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>거절됨</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>제안됨</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>수락</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>거절</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>읽음</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>보내지 못함: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 보내기</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>ChatLabels</name>
    <message>
        <source>The item was reserved.</source>
        <translation>상품이 예약되었습니다.</translation>
    </message>
    <message>
        <source>The seller reserved this item for you.</source>
        <translation>판매자가 나에게 이 상품을 예약해 두었습니다.</translation>
    </message>
    <message>
        <source>You reserved this item for this buyer.</source>
        <translation>이 구매자에게 상품을 예약해 두었습니다.</translation>
    </message>
    <message>
        <source>The item was sold.</source>
        <translation>상품이 판매되었습니다.</translation>
    </message>
    <message>
        <source>The item is for sale again.</source>
        <translation>상품이 다시 판매 중입니다.</translation>
    </message>
    <message>
        <source>The price changed from %1 to %2.</source>
        <translation>가격이 %1에서 %2(으)로 바뀌었습니다.</translation>
    </message>
    <message>
        <source>You accepted the appointment.</source>
        <translation>약속을 수락했습니다.</translation>
    </message>
    <message>
        <source>The appointment was accepted.</source>
        <translation>약속이 수락되었습니다.</translation>
    </message>
    <message>
        <source>You declined the appointment.</source>
        <translation>약속을 거절했습니다.</translation>
    </message>
    <message>
        <source>The appointment was declined.</source>
        <translation>약속이 거절되었습니다.</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>사진</translation>
    </message>
    <message>
        <source>Appointment: %1</source>
        <translation>약속: %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>어제</translation>
    </message>
    <message>
        <source>dddd, MMMM d, yyyy</source>
        <comment>the day above a chat's messages</comment>
        <translation>yyyy년 M월 d일 dddd</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>내일</translation>
    </message>
    <message>
        <source>ddd, MMM d</source>
        <comment>an appointment's day</comment>
        <translation>M월 d일 (ddd)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>an appointment's day and time</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>ChatRoom</name>
    <message>
        <source>Meet %1 at %2?</source>
        <translation>%1에 %2에서 만날까요?</translation>
    </message>
    <message>
        <source>This photo is over 20 MB.</source>
        <translation>20MB가 넘는 사진입니다.</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>%1 파일을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Give the time as 15:30.</source>
        <translation>시간은 15:30처럼 입력해 주세요.</translation>
    </message>
    <message>
        <source>Say where to meet.</source>
        <translation>만날 장소를 입력해 주세요.</translation>
    </message>
    <message>
        <source>Pick a time that is still to come.</source>
        <translation>지나지 않은 시간을 골라 주세요.</translation>
    </message>
</context>
<context>
    <name>ChatRoomPage</name>
    <message>
        <source>Back (Esc)</source>
        <translation>뒤로 (Esc)</translation>
    </message>
    <message>
        <source>Reserve for %1</source>
        <translation>%1 님에게 예약</translation>
    </message>
    <message>
        <source>Mark sold</source>
        <translation>판매 완료</translation>
    </message>
    <message>
        <source>Back on sale</source>
        <translation>다시 판매하기</translation>
    </message>
    <message>
        <source>More</source>
        <translation>더 보기</translation>
    </message>
    <message>
        <source>Propose a meet-up…</source>
        <translation>만남 약속 제안…</translation>
    </message>
    <message>
        <source>Unblock %1</source>
        <translation>%1 님 차단 해제</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>%1 님 차단</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 님이 입력 중…</translation>
    </message>
    <message>
        <source>Send meet-up card</source>
        <translation>약속 카드 보내기</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>You blocked %1. Unblock them to send messages.</source>
        <translation>%1 님을 차단했습니다. 메시지를 보내려면 차단을 해제해 주세요.</translation>
    </message>
    <message>
        <source>%1 has blocked you. You cannot send messages here.</source>
        <translation>%1 님이 나를 차단해 이 채팅에서는 메시지를 보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>Send a photo</source>
        <translation>사진 보내기</translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation>메시지를 입력하세요</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Could not open this chat</source>
        <translation>채팅을 열 수 없습니다</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Say hello to %1 and ask about “%2”.</source>
        <translation>%1 님에게 인사하고 “%2”에 대해 물어보세요.</translation>
    </message>
    <message>
        <source>Block %1?</source>
        <translation>%1 님을 차단할까요?</translation>
    </message>
    <message>
        <source>They cannot message you or open new chats with you until you unblock them. You cannot message them either.</source>
        <translation>차단을 해제할 때까지 상대방은 나에게 메시지를 보내거나 새 채팅을 열 수 없고, 나도 메시지를 보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>차단</translation>
    </message>
</context>
<context>
    <name>ChatsNavButton</name>
    <message>
        <source>Chats</source>
        <translation>채팅</translation>
    </message>
    <message numerus="yes">
        <source>Chats, %n unread</source>
        <translation><numerusform>채팅, 읽지 않은 메시지 %n개</numerusform></translation>
    </message>
</context>
<context>
    <name>ChatsPage</name>
    <message>
        <source>Chats</source>
        <translation>채팅</translation>
    </message>
    <message>
        <source>Chat with %1 about %2</source>
        <translation>%1 님과 %2 채팅</translation>
    </message>
    <message>
        <source>No chats yet</source>
        <translation>아직 채팅이 없어요</translation>
    </message>
    <message>
        <source>Open a listing and press “Chat with seller” to ask about it.</source>
        <translation>상품을 열고 “판매자와 채팅”을 눌러 물어보세요.</translation>
    </message>
    <message>
        <source>Browse listings</source>
        <translation>상품 둘러보기</translation>
    </message>
</context>
<context>
    <name>MeetupDialog</name>
    <message>
        <source>Propose a meet-up</source>
        <translation>만남 약속 제안</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>내일</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>Hongik Univ. Station, exit 2</source>
        <translation>홍대입구역 2번 출구</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Send card</source>
        <translation>카드 보내기</translation>
    </message>
</context>
<context>
    <name>OrderLabels</name>
    <message>
        <source>Waiting for payment</source>
        <translation>결제 대기</translation>
    </message>
    <message>
        <source>Meet-up to come</source>
        <translation>직거래 예정</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제 완료</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>배송 중</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>거래 완료</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>환불됨</translation>
    </message>
    <message>
        <source>Ordered, to be paid safely</source>
        <translation>주문: 안전결제로 결제 예정</translation>
    </message>
    <message>
        <source>Ordered, to hand over in person</source>
        <translation>주문: 직거래로 만나서 거래 예정</translation>
    </message>
    <message>
        <source>Paid: the money is held until the buyer confirms</source>
        <translation>결제 완료: 구매자가 확인할 때까지 대금을 보관해요</translation>
    </message>
    <message>
        <source>Handed over: completed</source>
        <translation>물건 전달: 거래 완료</translation>
    </message>
    <message>
        <source>Receipt confirmed: completed</source>
        <translation>수령 확인: 거래 완료</translation>
    </message>
    <message>
        <source>Cancelled and refunded in full</source>
        <translation>취소 및 전액 환불</translation>
    </message>
    <message>
        <source>Meet in person</source>
        <translation>직거래</translation>
    </message>
    <message>
        <source>Safe payment</source>
        <translation>안전결제</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>You paid for an order</source>
        <translation>주문 대금을 결제했어요</translation>
    </message>
    <message>
        <source>A buyer paid: held until they confirm receipt</source>
        <translation>구매자 결제: 수령 확인 때까지 보관 중</translation>
    </message>
    <message>
        <source>Released: the buyer confirmed receipt</source>
        <translation>보관 해제: 구매자가 수령을 확인했어요</translation>
    </message>
    <message>
        <source>Earned from a completed sale, less the fee</source>
        <translation>판매 대금 (수수료 제외)</translation>
    </message>
    <message>
        <source>Refunded to you</source>
        <translation>환불받았어요</translation>
    </message>
    <message>
        <source>Refunded to the buyer</source>
        <translation>구매자에게 환불했어요</translation>
    </message>
    <message>
        <source>Paid out to your account</source>
        <translation>내 계좌로 정산됐어요</translation>
    </message>
    <message>
        <source>Moved to a payout</source>
        <translation>정산으로 옮겨졌어요</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <source>From %1</source>
        <translation>판매자 %1</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>구매자 %1</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <source>The payment page could not be opened.</source>
        <translation>결제 페이지를 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Fee %1 · you receive %2</source>
        <translation>수수료 %1 · 받을 금액 %2</translation>
    </message>
    <message>
        <source>Bought from %1</source>
        <translation>%1 님에게 구매</translation>
    </message>
    <message>
        <source>Sold to %1</source>
        <translation>%1 님에게 판매</translation>
    </message>
    <message>
        <source>You confirmed the hand-over. Waiting for the seller to confirm too.</source>
        <translation>거래 완료를 확인했어요. 판매자의 확인을 기다리고 있어요.</translation>
    </message>
    <message>
        <source>You confirmed the hand-over. Waiting for the buyer to confirm too.</source>
        <translation>거래 완료를 확인했어요. 구매자의 확인을 기다리고 있어요.</translation>
    </message>
    <message>
        <source>Meet up, check the item and hand over the money. Then both of you confirm here.</source>
        <translation>만나서 물건을 확인하고 대금을 주고받으세요. 그다음 두 분 모두 여기서 확인해 주세요.</translation>
    </message>
    <message>
        <source>Waiting for the buyer to pay. You ship once the payment is in.</source>
        <translation>구매자의 결제를 기다리고 있어요. 결제가 완료되면 발송해 주세요.</translation>
    </message>
    <message>
        <source>Payment in progress. Finish it in your browser; this page updates by itself.</source>
        <translation>결제 진행 중이에요. 브라우저에서 결제를 마쳐 주세요. 이 화면은 자동으로 바뀌어요.</translation>
    </message>
    <message>
        <source>The payment did not go through. You can try again.</source>
        <translation>결제가 완료되지 않았어요. 다시 시도할 수 있어요.</translation>
    </message>
    <message>
        <source>Pay safely: the money is held until you confirm the item arrived.</source>
        <translation>안전결제: 물건을 받았다고 확인할 때까지 대금을 보관해요.</translation>
    </message>
    <message>
        <source>Paid. The money is held until you confirm receipt. Waiting for the seller to ship.</source>
        <translation>결제 완료. 수령을 확인할 때까지 대금을 보관해요. 판매자의 발송을 기다리고 있어요.</translation>
    </message>
    <message>
        <source>The buyer paid. Ship the item and enter the tracking number.</source>
        <translation>구매자가 결제했어요. 물건을 발송하고 운송장 번호를 입력해 주세요.</translation>
    </message>
    <message>
        <source>On its way. Confirm once it has arrived and is as described.</source>
        <translation>배송 중이에요. 물건을 받고 설명과 같은지 확인한 뒤 수령 확인을 눌러 주세요.</translation>
    </message>
    <message>
        <source>Shipped. You are paid once the buyer confirms receipt.</source>
        <translation>발송했어요. 구매자가 수령을 확인하면 대금이 정산돼요.</translation>
    </message>
    <message>
        <source>Completed. Enjoy it!</source>
        <translation>거래가 완료됐어요. 잘 쓰세요!</translation>
    </message>
    <message>
        <source>Completed. %1 is yours and goes out with the next payout.</source>
        <translation>거래 완료. %1이 다음 정산 때 지급돼요.</translation>
    </message>
    <message>
        <source>Completed.</source>
        <translation>거래가 완료됐어요.</translation>
    </message>
    <message>
        <source>This order was cancelled. The item is for sale again.</source>
        <translation>취소된 주문이에요. 물건은 다시 판매 중이에요.</translation>
    </message>
    <message>
        <source>This order was cancelled and the buyer refunded in full.</source>
        <translation>취소된 주문이에요. 구매자에게 전액 환불됐어요.</translation>
    </message>
    <message>
        <source>%1, tracking number %2</source>
        <translation>%1, 운송장 번호 %2</translation>
    </message>
    <message>
        <source>Confirmed by itself on %1 if nobody does it sooner.</source>
        <translation>그 전에 확인하지 않으면 %1에 자동으로 구매 확정돼요.</translation>
    </message>
    <message>
        <source>Confirm the hand-over</source>
        <translation>거래 완료 확인</translation>
    </message>
    <message>
        <source>Confirm receipt</source>
        <translation>수령 확인</translation>
    </message>
    <message>
        <source>Name the carrier.</source>
        <translation>택배사를 입력해 주세요.</translation>
    </message>
    <message>
        <source>At most 60 characters.</source>
        <translation>60자까지 입력할 수 있어요.</translation>
    </message>
    <message>
        <source>6 to 40 letters, digits or dashes, as on the receipt.</source>
        <translation>영수증에 적힌 대로 6~40자의 영문, 숫자, 하이픈으로 입력해 주세요.</translation>
    </message>
    <message>
        <source>Marked as shipped. The buyer is told.</source>
        <translation>발송 처리했어요. 구매자에게 알렸어요.</translation>
    </message>
    <message>
        <source>Confirmed.</source>
        <translation>확인했어요.</translation>
    </message>
    <message>
        <source>Cancelled. The buyer is refunded in full.</source>
        <translation>취소했어요. 구매자에게 전액 환불돼요.</translation>
    </message>
    <message>
        <source>Order cancelled.</source>
        <translation>주문을 취소했어요.</translation>
    </message>
</context>
<context>
    <name>BuyDialog</name>
    <message>
        <source>Buy “%1”</source>
        <translation>“%1” 구매</translation>
    </message>
    <message>
        <source>How do you want to trade?</source>
        <translation>어떻게 거래할까요?</translation>
    </message>
    <message>
        <source>Safe payment</source>
        <translation>안전결제</translation>
    </message>
    <message>
        <source>Pay by card now. The money is held until you confirm the item arrived.</source>
        <translation>지금 카드로 결제해요. 물건을 받았다고 확인할 때까지 대금을 보관해요.</translation>
    </message>
    <message>
        <source>Meet in person</source>
        <translation>직거래</translation>
    </message>
    <message>
        <source>Meet the seller, check the item and pay them there. No fee.</source>
        <translation>판매자를 만나 물건을 확인하고 그 자리에서 결제해요. 수수료가 없어요.</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>다음에</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>구매하기</translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <source>Cancel this order?</source>
        <translation>주문을 취소할까요?</translation>
    </message>
    <message>
        <source>The buyer already paid: the payment is refunded to them in full. The item goes back on sale.</source>
        <translation>구매자가 이미 결제했어요. 결제 금액은 전액 환불되고 물건은 다시 판매 중이 돼요.</translation>
    </message>
    <message>
        <source>The order ends and the item goes back on sale.</source>
        <translation>주문이 끝나고 물건은 다시 판매 중이 돼요.</translation>
    </message>
    <message>
        <source>Why? The other side sees this.</source>
        <translation>취소 사유 (상대방에게 보여요)</translation>
    </message>
    <message>
        <source>We could not agree on a time</source>
        <translation>시간을 맞추지 못했어요</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>주문 유지</translation>
    </message>
    <message>
        <source>Cancel and refund</source>
        <translation>취소하고 환불</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>주문 취소</translation>
    </message>
</context>
<context>
    <name>OrderPage</name>
    <message>
        <source>Back (Esc)</source>
        <translation>뒤로 (Esc)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>진행 상황</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>다음 단계</translation>
    </message>
    <message>
        <source>Open the checkout again</source>
        <translation>결제 창 다시 열기</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>%1 결제하기</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>택배사</translation>
    </message>
    <message>
        <source>CJ Logistics</source>
        <translation>CJ대한통운</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>운송장 번호</translation>
    </message>
    <message>
        <source>Mark as shipped</source>
        <translation>발송 완료</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>주문 취소</translation>
    </message>
    <message>
        <source>Could not open this order</source>
        <translation>주문을 열 수 없어요</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Orders</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Buying</source>
        <translation>구매</translation>
    </message>
    <message>
        <source>Selling</source>
        <translation>판매</translation>
    </message>
    <message>
        <source>Balance and payouts</source>
        <translation>정산 내역</translation>
    </message>
    <message>
        <source>Nothing bought yet</source>
        <translation>아직 구매한 물건이 없어요</translation>
    </message>
    <message>
        <source>Nothing sold yet</source>
        <translation>아직 판매한 물건이 없어요</translation>
    </message>
    <message>
        <source>Press “Buy” on a listing to order it.</source>
        <translation>상품에서 “구매하기”를 누르면 주문돼요.</translation>
    </message>
    <message>
        <source>Orders for your listings show here.</source>
        <translation>내 상품의 주문이 여기에 보여요.</translation>
    </message>
    <message>
        <source>Browse listings</source>
        <translation>상품 둘러보기</translation>
    </message>
</context>
<context>
    <name>BalancePage</name>
    <message>
        <source>Back (Esc)</source>
        <translation>뒤로 (Esc)</translation>
    </message>
    <message>
        <source>Balance and payouts</source>
        <translation>정산 내역</translation>
    </message>
    <message>
        <source>Held for you</source>
        <translation>보관 중</translation>
    </message>
    <message>
        <source>Paid by buyers, released when they confirm receipt</source>
        <translation>구매자가 결제한 금액으로, 수령 확인 후 정산돼요</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>정산 예정</translation>
    </message>
    <message>
        <source>Yours, paid out with the next daily payout</source>
        <translation>다음 일일 정산 때 지급돼요</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>정산 완료</translation>
    </message>
    <message>
        <source>Sent to your account so far</source>
        <translation>지금까지 내 계좌로 보낸 금액</translation>
    </message>
    <message>
        <source>History</source>
        <translation>내역</translation>
    </message>
    <message>
        <source>No money has moved yet</source>
        <translation>아직 거래 내역이 없어요</translation>
    </message>
    <message>
        <source>When a buyer pays safely for one of your items, it shows here.</source>
        <translation>구매자가 내 상품을 안전결제로 사면 여기에 보여요.</translation>
    </message>
</context>
</TS>
