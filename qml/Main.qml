// The window: navigation rail, the current section and the offline banner.
// Anyone can browse; selling, one's own items and favorites ask for an account
// first (the sign-in page over the window, with a way back), and once signed
// in the user carries on with what they wanted to do.
import QtQuick
import QtQuick.Layouts
import QtQuick.Window
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Basic.ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1280
    height: 820
    minimumWidth: 960
    minimumHeight: 680
    visible: true
    title: qsTr("BitMarket")
    color: Theme.background
    font.family: Theme.fontFamily

    property string section: "home"
    // What the user wanted to do when they were asked to sign in; done once they have.
    property var afterSignIn: null
    readonly property var accountSections: ["sell", "mine", "favorites", "bids", "chats", "orders"]
    property alias stack: stack
    property alias homePage: home
    property alias sellPage: sell

    function openListing(listingId) {
        stack.push(listingPage, { listingId: listingId })
    }
    function openChat(chatId) {
        if (stack.currentItem && stack.currentItem.objectName === "chatRoomPage"
                && stack.currentItem.chatId === chatId)
            return
        stack.push(chatRoomPage, { chatId: chatId })
    }
    // "Chat with seller": the room opens once the server has it (Chats.roomOpened).
    function chatAboutListing(listingId) {
        whenSignedIn(qsTr("Sign in to chat with the seller."),
                     function () { Chats.openForListing(listingId) })
    }
    function openOrder(orderId) {
        if (stack.currentItem && stack.currentItem.objectName === "orderPage"
                && stack.currentItem.orderId === orderId)
            return
        stack.push(orderPage, { orderId: orderId })
    }
    function openBalance() {
        stack.push(balancePage)
    }
    function openSeller(sellerId, sellerName) {
        stack.push(sellerPage, { sellerId: sellerId, sellerName: sellerName })
    }
    // A tag pressed on a listing: the home page searches for it.
    function searchFor(words) {
        showSection("home")
        home.listings.query = words
    }
    function showSection(name) {
        stack.pop(null)
        section = name
        reloadSection()
    }
    function reloadSection() {
        if (section === "favorites")
            favorites.reload()
        else if (section === "mine")
            mine.reload()
        else if (section === "bids")
            bids.reload()
        else if (section === "chats")
            chats.reload()
        else if (section === "orders")
            orders.reload()
    }
    function showSignIn(reason, then) {
        afterSignIn = then
        signIn.reason = reason
        signIn.visible = true
    }
    // Asked by the user's own action: an old message (offline at start-up, say) is not about it.
    function askToSignIn(reason, then) {
        Session.clearMessage()
        showSignIn(reason, then)
    }
    function hideSignIn() {
        signIn.visible = false
        afterSignIn = null
        stack.currentItem.forceActiveFocus()
    }
    function whenSignedIn(reason, then) {
        if (Session.signedIn)
            then()
        else
            askToSignIn(reason, then)
    }
    function backToBrowsing() {
        hideSignIn()
        Session.clearMessage()
        if (accountSections.indexOf(section) >= 0)
            showSection("home")
    }
    // Sell goes back to the draft being written, so leaving the page for a
    // moment loses nothing; it starts afresh after a publish or an edit.
    function startSelling() {
        if (!sell.hasUnpublishedDraft)
            sell.startNew()
        showSection("sell")
    }
    function editListing(listingId) {
        sell.edit(listingId)
        showSection("sell")
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // Navigation rail
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 80
            color: Theme.surface
            Rectangle { anchors.right: parent.right; width: 1; height: parent.height; color: Theme.border }
            ColumnLayout {
                anchors.fill: parent
                anchors.topMargin: Theme.spaceM
                anchors.bottomMargin: Theme.spaceM
                spacing: Theme.spaceXs
                Image {
                    Layout.alignment: Qt.AlignHCenter
                    Layout.bottomMargin: Theme.spaceM
                    source: "image://icon/app/ffffff"
                    sourceSize: Qt.size(40, 40)
                }
                NavButton {
                    objectName: "navHome"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Home")
                    iconName: "home"
                    current: window.section === "home"
                    onClicked: window.showSection("home")
                }
                NavButton {
                    objectName: "navSell"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Sell")
                    iconName: "plus"
                    current: window.section === "sell"
                    onClicked: window.whenSignedIn(qsTr("Sign in to sell an item."), window.startSelling)
                }
                NavButton {
                    objectName: "navMine"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("My listings")
                    iconName: "tag"
                    current: window.section === "mine"
                    onClicked: window.whenSignedIn(qsTr("Sign in to see the items you sell."),
                                                   function () { window.showSection("mine") })
                }
                NavButton {
                    objectName: "navFavorites"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Favorites")
                    iconName: "heart"
                    current: window.section === "favorites"
                    onClicked: window.whenSignedIn(qsTr("Sign in to see your favorites."),
                                                   function () { window.showSection("favorites") })
                }
                NavButton {
                    objectName: "navBids"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("My bids")
                    iconName: "gavel"
                    current: window.section === "bids"
                    onClicked: window.whenSignedIn(qsTr("Sign in to see your bids."),
                                                   function () { window.showSection("bids") })
                }
                ChatsNavButton {
                    Layout.alignment: Qt.AlignHCenter
                    current: window.section === "chats"
                    onClicked: window.whenSignedIn(qsTr("Sign in to see your chats."),
                                                   function () { window.showSection("chats") })
                }
                NavButton {
                    objectName: "navOrders"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Orders")
                    iconName: "folder"
                    current: window.section === "orders"
                    onClicked: window.whenSignedIn(qsTr("Sign in to see your orders."),
                                                   function () { window.showSection("orders") })
                }
                Item { Layout.fillHeight: true }
                NotificationBell {
                    Layout.alignment: Qt.AlignHCenter
                    visible: Session.signedIn
                    current: notificationPanel.visible
                    onClicked: notificationPanel.visible ? notificationPanel.close() : notificationPanel.open()
                }
                NavButton {
                    objectName: "navSignIn"
                    Layout.alignment: Qt.AlignHCenter
                    visible: !Session.signedIn && !Session.restoring
                    text: qsTr("Sign in")
                    iconName: "forward"
                    onClicked: window.askToSignIn("", null)
                }
                NavButton {
                    objectName: "navSettings"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Settings")
                    iconName: "settings"
                    current: window.section === "settings"
                    onClicked: window.showSection("settings")
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0
            OfflineBanner { Layout.fillWidth: true }
            Basic.StackView {
                id: stack
                objectName: "stack"
                Layout.fillWidth: true
                Layout.fillHeight: true
                initialItem: sections
                pushEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.animationNormal } }
                pushExit: Transition { NumberAnimation { property: "opacity"; from: 1; to: 0; duration: Theme.animationNormal } }
                popEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.animationNormal } }
                popExit: Transition { NumberAnimation { property: "opacity"; from: 1; to: 0; duration: Theme.animationNormal } }
            }
        }
    }

    // The sections stay alive so switching keeps scroll positions and loaded pages.
    Item {
        id: sections
        StackLayout {
            anchors.fill: parent
            currentIndex: ["home", "sell", "mine", "favorites", "settings", "bids", "chats", "orders"].indexOf(window.section)
            HomePage {
                id: home
                onListingOpened: function (id) { window.openListing(id) }
                onFavoriteNeedsSignIn: function (id) {
                    window.askToSignIn(qsTr("Sign in to save favorites."),
                                       function () { home.listings.addToFavorites(id) })
                }
                onAlertSaved: function (keyword) {
                    toast.show(qsTr("We will tell you when “%1” is listed").arg(keyword))
                }
                onAlertFailed: function (message) { toast.show(message, true) }
                onAlertNeedsSignIn: window.askToSignIn(qsTr("Sign in to be alerted of new listings."),
                                                       home.saveSearchAsAlert)
            }
            SellPage {
                id: sell
                onSaved: function (id, wasEdit) {
                    toast.show(wasEdit ? qsTr("Changes saved") : qsTr("Your listing is live"))
                    window.showSection("mine")
                    window.openListing(id)
                }
                onCancelled: window.showSection("home")
            }
            MyListingsPage {
                id: mine
                onListingOpened: function (id) { window.openListing(id) }
                onEditRequested: function (id) { window.editListing(id) }
                onSellRequested: window.startSelling()
                onNotice: function (message, isError) { toast.show(message, isError) }
            }
            FavoritesPage { id: favorites; onListingOpened: function (id) { window.openListing(id) } }
            SettingsPage { onSignInRequested: window.askToSignIn("", null) }
            MyBidsPage {
                id: bids
                onListingOpened: function (id) { window.openListing(id) }
                onBrowseRequested: window.showSection("home")
            }
            ChatsPage {
                id: chats
                onChatOpened: function (chatId) { window.openChat(chatId) }
                onBrowseRequested: window.showSection("home")
            }
            OrdersPage {
                id: orders
                onOrderOpened: function (orderId) { window.openOrder(orderId) }
                onBalanceRequested: window.openBalance()
                onBrowseRequested: window.showSection("home")
            }
        }
    }

    Component {
        id: listingPage
        ListingPage {
            id: detailPage
            focus: true
            onBack: stack.pop()
            onFavoriteNeedsSignIn: window.askToSignIn(qsTr("Sign in to save favorites."),
                                                      function () { detailPage.detail.addToFavorites() })
            onEditRequested: function (id) { window.editListing(id) }
            onAuctionNeedsSignIn: function (reason, then) { window.askToSignIn(reason, then) }
            onNotice: function (message, isError) { toast.show(message, isError) }
            onSellerOpened: function (sellerId, sellerName) { window.openSeller(sellerId, sellerName) }
            onTagSearched: function (tag) { window.searchFor(tag) }
            onChatRequested: function (id) { window.chatAboutListing(id) }
        }
    }

    Component {
        id: chatRoomPage
        ChatRoomPage {
            focus: true
            onBack: stack.pop()
            onListingOpened: function (id) { window.openListing(id) }
            onNotice: function (message, isError) { toast.show(message, isError) }
        }
    }

    Component {
        id: orderPage
        OrderPage {
            focus: true
            onBack: stack.pop()
            onListingOpened: function (id) { window.openListing(id) }
            onNotice: function (message, isError) { toast.show(message, isError) }
        }
    }

    Component {
        id: balancePage
        BalancePage {
            focus: true
            onBack: stack.pop()
            onOrderOpened: function (orderId) { window.openOrder(orderId) }
        }
    }

    Component {
        id: sellerPage
        SellerPage {
            id: seller
            focus: true
            onBack: stack.pop()
            onListingOpened: function (id) { window.openListing(id) }
            onFavoriteNeedsSignIn: function (id) {
                window.askToSignIn(qsTr("Sign in to save favorites."),
                                   function () { seller.listings.addToFavorites(id) })
            }
        }
    }

    SignInPage {
        id: signIn
        anchors.fill: parent
        visible: false
        z: 5
        onBackToBrowsing: window.backToBrowsing()
    }

    NotificationPanel {
        id: notificationPanel
        x: 88
        y: parent.height - height - Theme.spaceL
    }

    Toast {
        id: toast
        objectName: "toast"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.spaceL
        z: 10
    }

    Connections {
        target: Notifications
        function onOpened(listingId) {
            window.openListing(listingId)
        }
        function onOrderOpened(orderId) {
            window.openOrder(orderId)
        }
        // While the window is in front; a minimised one gets a desktop notification instead.
        function onArrived(title, body, listingId) {
            if (window.active && window.visibility !== Window.Minimized)
                toast.show(title)
        }
    }

    Connections {
        target: Orders
        function onBought(orderId) { window.openOrder(orderId) }
    }

    Connections {
        target: Chats
        function onRoomOpened(chatId) { window.openChat(chatId) }
        function onOpenFailed(message) { toast.show(message, true) }
    }

    Connections {
        target: Session
        function onStateChanged() {
            if (Session.signedIn && signIn.visible) {
                const then = window.afterSignIn
                window.hideSignIn()
                if (then)
                    then()
            }
        }
        // The hearts on the home grid are the signed-in user's.
        function onUserChanged() {
            home.listings.refresh()
        }
        // Revoked elsewhere or expired: ask again, and pick up where the user was.
        function onSessionExpired() {
            window.showSignIn("", window.reloadSection)
        }
    }
}
