// A responsive grid of listing cards over a ListingListModel: as many columns
// as fit, more rows as you scroll, pull down (or F5) to refresh, and honest
// loading, empty and error states.
import QtQuick
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Item {
    id: root
    property ListingListModel model
    property string emptyTitle: qsTr("Nothing here yet")
    property string emptyDetail
    property string emptyIcon: "search"
    // A way out of the empty state, when there is one.
    property string emptyActionText
    signal emptyAction()
    // Scrolls with the cards above the first row (the home page's "ending soon").
    property Component header
    signal listingOpened(string listingId)
    // A heart pressed by someone not signed in.
    signal favoriteNeedsSignIn(string listingId)

    readonly property int minCardWidth: 216
    // The width a header has to fill (the cards leave a gap on the right).
    readonly property real headerWidth: grid.width - Theme.spaceM
    readonly property int columns: Math.max(1, Math.floor((grid.width + Theme.spaceM) / (minCardWidth + Theme.spaceM)))

    GridView {
        id: grid
        objectName: "listingGrid"
        anchors.fill: parent
        anchors.leftMargin: Theme.spaceL
        anchors.rightMargin: Theme.spaceL - Theme.spaceM
        topMargin: Theme.spaceM
        bottomMargin: Theme.spaceL
        clip: true
        model: root.model
        cellWidth: Math.floor(width / root.columns)
        cellHeight: (cellWidth - Theme.spaceM) * 3 / 4 + 96 + Theme.spaceM
        boundsBehavior: Flickable.DragAndOvershootBounds
        cacheBuffer: 600
        keyNavigationEnabled: true
        header: root.header
        Basic.ScrollBar.vertical: Basic.ScrollBar { }

        delegate: Item {
            required property int index
            required property string listingId
            required property string title
            required property string priceText
            required property string region
            required property string timeAgo
            required property url thumbUrl
            required property bool hasModel
            required property bool isFavorite
            required property string status
            required property string statusText
            required property bool isAuction
            required property string timeLeft
            required property bool endingSoon
            required property bool auctionRunning
            required property int bidCount
            width: grid.cellWidth
            height: grid.cellHeight
            ListingCard {
                objectName: "listingCard"
                anchors.fill: parent
                anchors.rightMargin: Theme.spaceM
                anchors.bottomMargin: Theme.spaceM
                thumbUrl: parent.thumbUrl
                title: parent.title
                priceText: parent.priceText
                region: parent.region
                timeAgo: parent.timeAgo
                hasModel: parent.hasModel
                favorite: parent.isFavorite
                status: parent.status
                statusText: parent.statusText
                isAuction: parent.isAuction
                timeLeft: parent.timeLeft
                endingSoon: parent.endingSoon
                auctionRunning: parent.auctionRunning
                bidCount: parent.bidCount
                onClicked: root.listingOpened(parent.listingId)
                onFavoriteToggled: Session.signedIn ? root.model.setFavorite(parent.listingId, !parent.isFavorite)
                                                    : root.favoriteNeedsSignIn(parent.listingId)
            }
        }

        // More on the way, or the end of the results said in words (a page that
        // just stops looks like one that failed to load the rest).
        footer: Item {
            readonly property bool atEnd: root.model !== null && root.model.loaded && !root.model.loading
                                          && !root.model.hasMore && root.model.count > 0
            width: grid.width
            height: root.model && (root.model.loadingMore || root.model.hasMore || atEnd) ? 64 : 0
            Basic.BusyIndicator {
                anchors.centerIn: parent
                running: root.model && root.model.loadingMore
                visible: running
            }
            Row {
                objectName: "endOfResults"
                visible: parent.atEnd
                anchors.centerIn: parent
                anchors.horizontalCenterOffset: -Theme.spaceM / 2
                spacing: Theme.spaceS
                Rectangle { width: 40; height: 1; color: Theme.border; anchors.verticalCenter: parent.verticalCenter }
                Text {
                    textFormat: Text.PlainText
                    text: qsTr("That is all: %n listing(s)", "", root.model ? root.model.count : 0)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                    color: Theme.textMuted
                }
                Rectangle { width: 40; height: 1; color: Theme.border; anchors.verticalCenter: parent.verticalCenter }
            }
        }

        // A header that changes height (a wider window makes its cards taller) would leave the
        // page scrolled partway into it: a page that was within the header goes to its top.
        Connections {
            target: grid.headerItem
            function onHeightChanged() {
                if (grid.contentY - grid.originY < grid.headerItem.height + grid.topMargin)
                    grid.positionViewAtBeginning()
            }
        }

        onAtYEndChanged: if (atYEnd && root.model) root.model.loadMore()
        onContentHeightChanged: if (contentHeight > 0 && contentHeight < height && root.model) root.model.loadMore()
        onDragEnded: if (contentY < originY - 72 && root.model) root.model.refresh()

        // Pull-to-refresh hint above the first row.
        Text {
            textFormat: Text.PlainText
            y: -grid.contentY + grid.originY - 32
            anchors.horizontalCenter: parent.horizontalCenter
            visible: grid.contentY < grid.originY - 8
            text: grid.contentY < grid.originY - 72 ? qsTr("Release to refresh") : qsTr("Pull to refresh")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
            color: Theme.textMuted
        }
    }

    // First load: skeleton cards instead of an empty page.
    Grid {
        anchors.fill: grid
        anchors.topMargin: Theme.spaceM
        columns: root.columns
        spacing: Theme.spaceM
        visible: root.model && root.model.loading && root.model.count === 0
        clip: true
        Repeater {
            model: root.columns * 2
            Rectangle {
                width: grid.cellWidth - Theme.spaceM
                height: grid.cellHeight - Theme.spaceM
                radius: Theme.radiusM
                color: Theme.surfaceSunken
                SequentialAnimation on opacity {
                    loops: Animation.Infinite
                    NumberAnimation { to: 0.5; duration: 700; easing.type: Easing.InOutQuad }
                    NumberAnimation { to: 1; duration: 700; easing.type: Easing.InOutQuad }
                }
            }
        }
    }

    // A thin bar while a new search runs over the old results (no blank flash).
    Rectangle {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: 2
        color: Theme.accent
        visible: root.model && root.model.loading && root.model.count > 0
        SequentialAnimation on opacity {
            running: visible
            loops: Animation.Infinite
            NumberAnimation { to: 0.3; duration: 400 }
            NumberAnimation { to: 1; duration: 400 }
        }
    }

    EmptyState {
        objectName: "emptyState"
        anchors.centerIn: parent
        visible: root.model && root.model.loaded && !root.model.loading && root.model.count === 0
                 && root.model.errorMessage.length === 0
        iconName: root.emptyIcon
        title: root.emptyTitle
        detail: root.emptyDetail
        actionText: root.emptyActionText
        onAction: root.emptyAction()
    }

    EmptyState {
        anchors.centerIn: parent
        visible: root.model && !root.model.loading && root.model.count === 0
                 && root.model.errorMessage.length > 0
        iconName: "offline"
        title: qsTr("Could not load listings")
        detail: root.model ? root.model.errorMessage : ""
        actionText: qsTr("Try again")
        onAction: root.model.refresh()
    }

    Shortcut {
        sequences: [StandardKey.Refresh]
        enabled: root.visible
        onActivated: root.model.refresh()
    }
}
