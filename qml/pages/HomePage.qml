// Home: search and filters over the newest listings, and above them (while no
// search or filter is set) the auctions ending soonest, in a row that scrolls sideways.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Item {
    id: page
    objectName: "homePage"
    property alias listings: listingModel
    signal listingOpened(string listingId)
    signal favoriteNeedsSignIn(string listingId)
    // "Alert me when this is listed": saved (a keyword), or asked without an account.
    signal alertSaved(string keyword)
    signal alertNeedsSignIn()
    signal alertFailed(string message)

    function saveSearchAsAlert() {
        alerts.addKeyword(listingModel.query, listingModel.categoryId)
    }

    ListingListModel {
        id: listingModel
        objectName: "homeListings"
        api: Api
        realtime: Realtime
    }
    ListingListModel {
        id: endingSoonModel
        objectName: "endingSoonListings"
        api: Api
        realtime: Realtime
        saleType: "auction"
        sort: "ending_soon"
        pageSize: 12
    }
    // Over the plain newest listings only: a search, a filter or another order is the user's own.
    readonly property bool plainBrowsing: listingModel.query.trim().length === 0
        && listingModel.categoryId.length === 0 && listingModel.minPrice.length === 0
        && listingModel.maxPrice.length === 0 && listingModel.saleType.length === 0
        && listingModel.sort === "newest"
    readonly property bool showsEndingSoon: endingSoonModel.count > 0 && plainBrowsing
    readonly property bool showsRecentlyViewed: recentModel.count > 0 && plainBrowsing
    // Kept on this machine, as they were seen.
    ListingListModel {
        id: recentModel
        objectName: "recentlyViewedListings"
        api: Api
        source: ListingListModel.Recent
        recentlyViewed: RecentlyViewed
        debounceMs: 0
    }
    CategoryListModel {
        id: categoryModel
        api: Api
    }
    AlertSettings {
        id: alerts
        api: Api
        onKeywordSaved: function (keyword) { page.alertSaved(keyword) }
        onErrorMessageChanged: if (errorMessage.length > 0) page.alertFailed(errorMessage)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        ColumnLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spaceL
            Layout.rightMargin: Theme.spaceL
            Layout.topMargin: Theme.spaceL
            spacing: Theme.spaceM
            RowLayout {
                Layout.fillWidth: true
                Text {
                    textFormat: Text.PlainText
                    text: listingModel.query.length > 0 ? qsTr("Results for “%1”").arg(listingModel.query)
                                                        : qsTr("Discover")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontDisplay
                    font.weight: Font.Bold
                    color: Theme.text
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                AppButton {
                    objectName: "alertMeButton"
                    kind: "secondary"
                    iconName: "bell"
                    visible: listingModel.query.trim().length > 0
                    text: qsTr("Alert me when this is listed")
                    onClicked: Session.signedIn ? page.saveSearchAsAlert() : page.alertNeedsSignIn()
                }
            }
            FilterBar {
                id: filterBar
                Layout.fillWidth: true
                model: listingModel
                categories: categoryModel
            }
        }
        ListingGrid {
            id: homeGrid
            header: page.showsEndingSoon || page.showsRecentlyViewed ? homeSections : null
            Layout.fillWidth: true
            Layout.fillHeight: true
            model: listingModel
            emptyTitle: filterBar.priceRangeReversed ? qsTr("The lowest price is above the highest")
                        : listingModel.query.length > 0 ? qsTr("No listings match “%1”").arg(listingModel.query)
                        : qsTr("No listings match these filters")
            emptyDetail: filterBar.priceRangeReversed ? qsTr("No price can be both. Swap them to see what sells between the two.")
                                                      : qsTr("Try other words, another category or a wider price range.")
            emptyActionText: filterBar.priceRangeReversed ? qsTr("Swap the prices") : ""
            onEmptyAction: filterBar.swapPrices()
            onListingOpened: function (listingId) { page.listingOpened(listingId) }
            onFavoriteNeedsSignIn: function (listingId) { page.favoriteNeedsSignIn(listingId) }
        }
    }

    // A row of cards that scrolls sideways, as many whole ones across as the grid's.
    component CardStrip: ListView {
        id: strip
        property string cardName
        // Whole cards across the row, as wide as the grid's; the rest scrolls sideways.
        readonly property int cardsAcross: Math.max(1, Math.floor((width + Theme.spaceM) / (homeGrid.minCardWidth + Theme.spaceM)))
        readonly property real cardWidth: Math.floor((width - (cardsAcross - 1) * Theme.spaceM) / cardsAcross)
        Layout.fillWidth: true
        Layout.preferredHeight: cardWidth * 3 / 4 + 96
        orientation: ListView.Horizontal
        spacing: Theme.spaceM
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Basic.ScrollBar.horizontal: Basic.ScrollBar { policy: strip.contentWidth > strip.width ? Basic.ScrollBar.AsNeeded : Basic.ScrollBar.AlwaysOff }
        // The card's own properties take the roles of the same name.
        delegate: Component {
            ListingCard {
                required property string listingId
                required property bool isFavorite
                required thumbUrl
                required title
                required priceText
                required region
                required timeAgo
                required hasModel
                required status
                required statusText
                required isAuction
                required timeLeft
                required endingSoon
                required auctionRunning
                required bidCount
                objectName: strip.cardName
                width: strip.cardWidth
                height: strip.height
                favorite: isFavorite
                onClicked: page.listingOpened(listingId)
                onFavoriteToggled: Session.signedIn ? strip.model.setFavorite(listingId, !isFavorite)
                                                    : page.favoriteNeedsSignIn(listingId)
            }
        }
    }

    component SectionTitle: Text {
        textFormat: Text.PlainText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontTitle
        font.weight: Font.Bold
        color: Theme.text
    }

    // Over the plain newest listings: what this person looked at lately, then the auctions ending soonest.
    Component {
        id: homeSections
        ColumnLayout {
            objectName: "endingSoonSection"
            width: homeGrid.headerWidth
            spacing: Theme.spaceS
            RowLayout {
                Layout.fillWidth: true
                visible: page.showsRecentlyViewed
                Icon { name: "eye"; size: 20; color: Theme.accent }
                SectionTitle { Layout.fillWidth: true; text: qsTr("Recently viewed") }
                AppButton {
                    objectName: "clearRecentlyViewed"
                    kind: "quiet"
                    implicitHeight: 28
                    text: qsTr("Clear")
                    onClicked: RecentlyViewed.clear()
                }
            }
            CardStrip {
                objectName: "recentlyViewedStrip"
                visible: page.showsRecentlyViewed
                Layout.bottomMargin: Theme.spaceM
                model: recentModel
                cardName: "recentCard"
            }
            RowLayout {
                Layout.fillWidth: true
                visible: page.showsEndingSoon
                Icon { name: "clock"; size: 20; color: Theme.danger }
                SectionTitle { Layout.fillWidth: true; text: qsTr("Ending soon") }
                Text {
                    textFormat: Text.PlainText
                    text: qsTr("Bid before the clock runs out")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                    color: Theme.textMuted
                }
            }
            CardStrip {
                objectName: "endingSoonStrip"
                visible: page.showsEndingSoon
                model: endingSoonModel
                cardName: "endingSoonCard"
            }
            SectionTitle {
                Layout.topMargin: Theme.spaceM
                text: qsTr("Newest")
            }
            Item { Layout.preferredHeight: Theme.spaceXs }
        }
    }
}
