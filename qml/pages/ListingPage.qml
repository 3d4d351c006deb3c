// One listing: photos or its 3D model on the left, what a buyer needs to
// decide on the right. Follows live edits from the server; an auction shows
// its bid panel there, live from the bids as they come.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Item {
    id: page
    objectName: "listingPage"
    property alias listingId: listing.listingId
    property alias detail: listing
    property alias mediaTab: tabs.currentIndex
    signal back()
    signal editRequested(string listingId)
    // The heart pressed by someone not signed in.
    signal favoriteNeedsSignIn()
    // Bid or buy-now pressed by someone not signed in; `then` carries on once they are.
    signal auctionNeedsSignIn(string reason, var then)
    // A short message for the window's toast.
    signal notice(string message, bool isError)
    // The seller's name pressed: their profile; a tag pressed: a search for it.
    signal sellerOpened(string sellerId, string sellerName)
    signal tagSearched(string tag)
    // "Chat with seller" pressed: the window opens the room (asking to sign in first).
    signal chatRequested(string listingId)

    readonly property bool isOwner: listing.sellerId.length > 0 && listing.sellerId === Session.userId
    // A fixed-price listing still on sale can be bought by anyone but its seller.
    readonly property bool canBuy: listing.loaded && !isOwner && listing.saleType === "fixed"
                                   && listing.status === "active"

    ListingDetail {
        id: listing
        api: Api
        realtime: Realtime
        // Seen: on the home page's "Recently viewed" from now on (once per opening).
        property string remembered
        onLoadedChanged: {
            if (loaded && remembered !== listingId) {
                remembered = listingId
                RecentlyViewed.remember(listing)
            }
        }
    }
    Binding { target: listing.auction; property: "userId"; value: Session.userId }

    Connections {
        target: listing.auction
        function onBidAccepted(leading) {
            bidDialog.close()
            page.notice(leading ? qsTr("You are the highest bidder")
                                : qsTr("Bid placed, but another bidder's maximum is higher"), !leading)
        }
        function onBoughtNow(orderId) { page.notice(qsTr("It is yours: your order is waiting for payment"), false) }
        function onAuctionCancelled() { page.notice(qsTr("Auction cancelled"), false) }
    }
    function requestBid() {
        if (Session.signedIn)
            bidDialog.start()
        else
            page.auctionNeedsSignIn(qsTr("Sign in to bid."), function () { bidDialog.start() })
    }
    function requestBuy() {
        if (Session.signedIn)
            buyDialog.open()
        else
            page.auctionNeedsSignIn(qsTr("Sign in to buy this."), function () {
                if (page.canBuy)
                    buyDialog.open()
            })
    }
    Connections {
        target: Orders
        function onBought(orderId) { buyDialog.close() }
        function onBuyFailed(message, taken) {
            buyDialog.close()
            page.notice(taken ? qsTr("Someone else bought this just before you. It is no longer for sale.")
                              : message, true)
            listing.reload()
        }
    }
    function requestBuyNow() {
        if (Session.signedIn)
            buyNowDialog.open()
        else
            page.auctionNeedsSignIn(qsTr("Sign in to buy this."), function () { buyNowDialog.open() })
    }

    // Whose heart and whose listing it is depend on who is signed in.
    Connections {
        target: Session
        function onStateChanged() {
            if (!Session.restoring)
                listing.reload()
        }
    }

    Keys.onEscapePressed: page.back()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spaceL
        spacing: Theme.spaceM

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spaceS
            IconButton { objectName: "backButton"; iconName: "back"; tip: qsTr("Back (Esc)"); onClicked: page.back() }
            Text {
                objectName: "detailTitle"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: listing.title
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.weight: Font.Bold
                color: Theme.text
            }
            Basic.TabBar {
                id: tabs
                objectName: "mediaTabs"
                spacing: Theme.spaceXs
                background: Rectangle { color: Theme.surfaceSunken; radius: Theme.radiusS }
                padding: 4
                Repeater {
                    model: [
                        { label: qsTr("Photos"), icon: "image", enabled: true },
                        { label: listing.hasModel ? qsTr("3D view")
                                 : listing.modelInProgress ? qsTr("3D: being made") : qsTr("No 3D yet"),
                          icon: "cube", enabled: listing.hasModel }
                    ]
                    Basic.TabButton {
                        id: tabButton
                        required property var modelData
                        required property int index
                        objectName: index === 1 ? "tab3d" : "tabPhotos"
                        enabled: modelData.enabled
                        // Each as wide as its words: the bar's equal widths cut the longer one.
                        width: implicitWidth
                        implicitHeight: 32
                        implicitWidth: tabRow.implicitWidth + Theme.spaceL
                        background: Rectangle {
                            radius: Theme.radiusS - 2
                            color: tabButton.checked ? Theme.surface : "transparent"
                        }
                        contentItem: Item {
                            Row {
                                id: tabRow
                                anchors.centerIn: parent
                                spacing: Theme.spaceXs
                                opacity: tabButton.enabled ? 1 : 0.4
                                Icon { name: tabButton.modelData.icon; size: 16; color: tabButton.checked ? Theme.accent : Theme.textMuted; anchors.verticalCenter: parent.verticalCenter }
                                Text {
                                    textFormat: Text.PlainText
                                    text: tabButton.modelData.label
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontBody
                                    font.weight: tabButton.checked ? Font.DemiBold : Font.Normal
                                    color: tabButton.checked ? Theme.text : Theme.textMuted
                                    anchors.verticalCenter: parent.verticalCenter
                                }
                            }
                        }
                    }
                }
            }
        }

        // Photos, price and description only once there is a listing to show: a
        // listing that could not be loaded shows the error alone, not empty parts.
        // Keeps the header at the top while the content is hidden.
        Item {
            Layout.fillHeight: true
            visible: !listing.loaded
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: listing.loaded
            spacing: Theme.spaceL

            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true
                PhotoCarousel {
                    id: carousel
                    objectName: "photoCarousel"
                    anchors.fill: parent
                    visible: tabs.currentIndex === 0
                    focus: visible
                    photos: listing.photos
                    onOpenFullSize: function (index) { viewer.index = index; viewer.open() }
                }
                Loader {
                    id: modelLoader
                    anchors.fill: parent
                    // Created on first use, kept afterwards so switching tabs does not reload the model.
                    active: tabs.currentIndex === 1 || item !== null
                    visible: tabs.currentIndex === 1
                    sourceComponent: Rectangle {
                        radius: Theme.radiusM
                        color: Theme.viewport
                        clip: true
                        ModelViewer {
                            objectName: "modelViewer"
                            anchors.fill: parent
                            modelUrl: listing.modelUrl
                            previewUrl: listing.modelPreviewUrl
                            quality: listing.modelQuality
                            triangles: listing.modelTriangles
                        }
                    }
                }
            }

            Basic.ScrollView {
                Layout.preferredWidth: 360
                Layout.fillHeight: true
                contentWidth: availableWidth
                clip: true
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spaceM
                    Text {
                        objectName: "detailPrice"
                        visible: !listing.auction.isAuction
                        textFormat: Text.PlainText
                        text: listing.priceText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontDisplay
                        font.weight: Font.Bold
                        color: Theme.text
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spaceS
                        Repeater {
                            model: [listing.conditionText, listing.region, listing.timeAgo]
                            delegate: Rectangle {
                                required property string modelData
                                visible: modelData.length > 0
                                width: chip.implicitWidth + Theme.spaceM
                                height: 28
                                radius: 14
                                color: Theme.surfaceSunken
                                Text {
                                    id: chip
                                    textFormat: Text.PlainText
                                    anchors.centerIn: parent
                                    text: modelData
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontCaption
                                    color: Theme.textMuted
                                }
                            }
                        }
                    }
                    AppButton {
                        objectName: "buyButton"
                        Layout.fillWidth: true
                        visible: page.canBuy
                        iconName: "tag"
                        text: qsTr("Buy")
                        onClicked: page.requestBuy()
                    }
                    AppButton {
                        objectName: "chatWithSellerButton"
                        Layout.fillWidth: true
                        visible: listing.loaded && !page.isOwner
                        iconName: "chat"
                        text: qsTr("Chat with seller")
                        busy: Chats.opening
                        enabled: !Chats.opening && listing.status !== "removed"
                        onClicked: page.chatRequested(listing.listingId)
                    }
                    AuctionPanel {
                        Layout.fillWidth: true
                        visible: listing.auction.isAuction
                        auction: listing.auction
                        onBidRequested: page.requestBid()
                        onBuyNowRequested: page.requestBuyNow()
                        onCancelRequested: cancelAuctionDialog.open()
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spaceS
                        FavoriteButton {
                            objectName: "detailFavorite"
                            favorite: listing.isFavorite
                            count: listing.favoriteCount
                            enabled: !page.isOwner
                            onClicked: Session.signedIn ? listing.toggleFavorite() : page.favoriteNeedsSignIn()
                        }
                        Row {
                            spacing: Theme.spaceXs
                            Icon { name: "eye"; size: 18; color: Theme.textMuted; anchors.verticalCenter: parent.verticalCenter }
                            Text {
                                textFormat: Text.PlainText
                                text: qsTr("%n view(s)", "", listing.viewCount)
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontBody
                                color: Theme.textMuted
                                anchors.verticalCenter: parent.verticalCenter
                            }
                        }
                        Item { Layout.fillWidth: true }
                        // bitmarket://listing/ID: opens this listing in the app of whoever gets it.
                        IconButton {
                            objectName: "copyLinkButton"
                            iconName: "link"
                            iconColor: Theme.textMuted
                            tip: qsTr("Copy link")
                            onClicked: {
                                Links.copy(listing.listingId)
                                page.notice(qsTr("Link copied: %1").arg(Links.linkFor(listing.listingId)), false)
                            }
                        }
                        AppButton {
                            objectName: "editListingButton"
                            visible: page.isOwner
                            kind: "secondary"
                            text: qsTr("Edit")
                            iconName: "edit"
                            onClicked: page.editRequested(listing.listingId)
                        }
                    }
                    ColumnLayout {
                        objectName: "modelMaker"
                        Layout.fillWidth: true
                        spacing: Theme.spaceXs
                        visible: page.isOwner && !listing.hasModel
                        AppButton {
                            objectName: "makeModelButton"
                            visible: !listing.modelInProgress
                            kind: "secondary"
                            iconName: "cube"
                            enabled: listing.photos.count > 0
                            text: listing.modelStatus === "failed" ? qsTr("Try the 3D model again")
                                                                   : qsTr("Make a 3D model")
                            onClicked: listing.requestModel()
                        }
                        Text {
                            objectName: "modelProgressText"
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontCaption
                            color: Theme.textMuted
                            text: listing.modelInProgress
                                  ? [listing.modelStepText, qsTr("%1% done").arg(Math.round(listing.modelProgress * 100)),
                                     listing.modelTimeLeftText].filter(function (s) { return s.length > 0 }).join(" · ")
                                  : qsTr("The server turns your photos into a model buyers can turn around. 10 or more photos from all sides work best.")
                        }
                        Basic.ProgressBar {
                            Layout.fillWidth: true
                            visible: listing.modelInProgress
                            value: listing.modelProgress
                        }
                    }
                    Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
                    // Who sells it; a click opens their profile with their other listings.
                    Basic.AbstractButton {
                        id: sellerButton
                        objectName: "sellerButton"
                        Layout.fillWidth: true
                        hoverEnabled: true
                        enabled: listing.sellerId.length > 0
                        Accessible.name: qsTr("More from %1").arg(listing.sellerName)
                        onClicked: page.sellerOpened(listing.sellerId, listing.sellerName)
                        Keys.onReturnPressed: clicked()
                        background: Rectangle {
                            radius: Theme.radiusM
                            color: sellerButton.hovered ? Theme.surfaceSunken : "transparent"
                            border.width: sellerButton.visualFocus ? 2 : 0
                            border.color: Theme.accent
                        }
                        padding: Theme.spaceXs
                        contentItem: RowLayout {
                            spacing: Theme.spaceS
                            Rectangle {
                                width: 40
                                height: 40
                                radius: 20
                                color: Theme.accentSoft
                                Text {
                                    textFormat: Text.PlainText
                                    anchors.centerIn: parent
                                    text: listing.sellerName.length > 0 ? listing.sellerName.charAt(0).toUpperCase() : "?"
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontHeading
                                    font.weight: Font.Bold
                                    color: Theme.accent
                                }
                            }
                            ColumnLayout {
                                spacing: 0
                                Text {
                                    objectName: "detailSellerName"
                                    textFormat: Text.PlainText
                                    text: listing.sellerName
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontBody
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                }
                                Text {
                                    textFormat: Text.PlainText
                                    text: page.isOwner ? qsTr("This is your listing") : qsTr("Seller")
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontCaption
                                    color: Theme.textMuted
                                }
                            }
                            Item { Layout.fillWidth: true }
                            Text {
                                textFormat: Text.PlainText
                                text: qsTr("More from this seller")
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontCaption
                                font.weight: Font.DemiBold
                                color: Theme.accent
                            }
                            Icon { name: "forward"; size: 16; color: Theme.accent }
                        }
                    }
                    Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
                    Text {
                        textFormat: Text.PlainText
                        text: qsTr("Description")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.DemiBold
                        color: Theme.text
                    }
                    Text {
                        Layout.fillWidth: true
                        text: listing.description.length > 0 ? listing.description : qsTr("The seller did not write a description.")
                        wrapMode: Text.Wrap
                        textFormat: Text.PlainText
                        lineHeight: 1.3
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: listing.description.length > 0 ? Theme.text : Theme.textFaint
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spaceXs
                        visible: listing.tags.length > 0
                        Repeater {
                            model: listing.tags
                            // A tag searches for itself.
                            delegate: Basic.AbstractButton {
                                id: tagButton
                                required property string modelData
                                objectName: "tagButton"
                                text: "#" + modelData
                                hoverEnabled: true
                                padding: 2
                                onClicked: page.tagSearched(modelData)
                                Keys.onReturnPressed: clicked()
                                Accessible.name: qsTr("Search for %1").arg(modelData)
                                contentItem: Text {
                                    textFormat: Text.PlainText
                                    text: tagButton.text
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontBody
                                    font.underline: tagButton.hovered || tagButton.visualFocus
                                    color: Theme.accent
                                }
                                HoverHandler { cursorShape: Qt.PointingHandCursor }
                            }
                        }
                    }
                }
            }
        }
    }

    Basic.BusyIndicator {
        anchors.centerIn: parent
        running: listing.loading && !listing.loaded
        visible: running
    }
    EmptyState {
        objectName: "listingLoadError"
        anchors.centerIn: parent
        visible: !listing.loading && !listing.loaded && listing.errorMessage.length > 0
        iconName: "alert"
        title: qsTr("Could not open this listing")
        detail: listing.errorMessage
        actionText: qsTr("Try again")
        onAction: listing.reload()
    }

    // Closed on another photo: the listing shows that one, where the buyer left off.
    FullImageViewer {
        id: viewer
        photos: listing.photos
        onClosed: carousel.currentIndex = index
    }

    PlaceBidDialog { id: bidDialog; auction: listing.auction }
    BuyDialog {
        id: buyDialog
        itemTitle: listing.title
        priceText: listing.priceText
        busy: Orders.buyingNow
        onBuyRequested: function (method) { Orders.buy(listing.listingId, method) }
    }
    ConfirmDialog {
        id: buyNowDialog
        objectName: "buyNowDialog"
        title: qsTr("Buy it now?")
        message: qsTr("You buy “%1” for %2 and the auction ends at once. An order is made for you to pay.")
                 .arg(listing.title).arg(listing.auction.buyNowPriceText)
        cancelText: qsTr("Not now")
        confirmText: qsTr("Buy now")
        confirmKind: "primary"
        onConfirmed: listing.auction.buyNow()
    }
    ConfirmDialog {
        id: cancelAuctionDialog
        objectName: "cancelAuctionDialog"
        title: qsTr("Cancel this auction?")
        message: qsTr("Nobody has bid yet. The auction ends now and cannot be started again.")
        cancelText: qsTr("Keep it running")
        confirmText: qsTr("Cancel auction")
        onConfirmed: listing.auction.cancelAuction()
    }
}
