// The bid panel of an auction listing: the price as it stands, the countdown (red in the
// last minutes, and saying when a late bid moved the end), where the user stands, what
// they can do (bid, buy now; the seller: cancel before the first bid), how it ended, and
// the bid history. Everything in it follows the LiveAuction, which moves with the frames.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

ColumnLayout {
    id: root
    objectName: "auctionPanel"
    property LiveAuction auction
    signal bidRequested()
    signal buyNowRequested()
    signal cancelRequested()

    spacing: Theme.spaceM

    // Bids and bidders, and when it ends or ended; a purchase at the buy-now price or a
    // cancel ended it before its time, which is then not worth naming.
    function summary() {
        const a = root.auction
        const boughtNow = a.sold && a.bidCount === 0
        const counts = boughtNow ? qsTr("Bought at the buy-now price")
                     : a.bidCount > 0 ? qsTr("%n bid(s)", "", a.bidCount) + " · " + qsTr("%n bidder(s)", "", a.bidderCount)
                     : a.running ? qsTr("No bids yet") : qsTr("No bids")
        if (a.endsAtText.length === 0 || boughtNow || a.state === "cancelled")
            return counts
        return counts + " · " + (a.running ? qsTr("ends %1") : qsTr("ended %1")).arg(a.endsAtText)
    }

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: standing.implicitHeight + 2 * Theme.spaceM
        radius: Theme.radiusM
        color: Theme.surface
        border.color: root.auction.endingSoon ? Theme.danger : Theme.border
        border.width: root.auction.endingSoon ? 2 : 1

        ColumnLayout {
            id: standing
            anchors.fill: parent
            anchors.margins: Theme.spaceM
            spacing: Theme.spaceS

            // Anchored rather than laid out: the countdown's width follows its text at once,
            // also when the language changes while the panel is still hidden.
            Item {
                Layout.fillWidth: true
                implicitHeight: 28
                Text {
                    textFormat: Text.PlainText
                    anchors.left: parent.left
                    anchors.right: countdown.left
                    anchors.rightMargin: Theme.spaceS
                    anchors.verticalCenter: parent.verticalCenter
                    elide: Text.ElideRight
                    text: root.auction.sold ? qsTr("Sold for")
                          : root.auction.bidCount === 0 ? qsTr("Starting price")
                          : root.auction.running ? qsTr("Current bid") : qsTr("Highest bid")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                    font.weight: Font.DemiBold
                    color: Theme.textMuted
                }
                Rectangle {
                    id: countdown
                    objectName: "auctionCountdown"
                    readonly property bool red: root.auction.endingSoon
                    readonly property color ink: red ? "#FFFFFF" : (root.auction.running ? Theme.accent : Theme.textMuted)
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    width: clockIcon.width + Theme.spaceXs + countdownText.implicitWidth + Theme.spaceM
                    height: 28
                    radius: 14
                    color: red ? Theme.danger : (root.auction.running ? Theme.accentSoft : Theme.surfaceSunken)
                    Icon {
                        id: clockIcon
                        x: Theme.spaceS
                        anchors.verticalCenter: parent.verticalCenter
                        name: "clock"
                        size: 14
                        color: countdown.ink
                    }
                    Text {
                        id: countdownText
                        objectName: "auctionTimeLeft"
                        anchors.left: clockIcon.right
                        anchors.leftMargin: Theme.spaceXs
                        anchors.verticalCenter: parent.verticalCenter
                        textFormat: Text.PlainText
                        text: root.auction.timeLeftText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                        font.weight: Font.Bold
                        color: countdown.ink
                    }
                }
            }
            Text {
                objectName: "auctionPrice"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: root.auction.running ? root.auction.currentPriceText : root.auction.finalPriceText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontDisplay
                font.weight: Font.Bold
                color: Theme.text
            }
            Text {
                objectName: "auctionBidCount"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: root.summary()
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
                color: Theme.textMuted
            }
            Text {
                objectName: "auctionExtended"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                visible: root.auction.extended && root.auction.running
                wrapMode: Text.WordWrap
                text: qsTr("Extended: a late bid moved the end.")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
                font.weight: Font.DemiBold
                color: Theme.warning
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                visible: root.auction.running && (root.auction.reserveNotMet || root.auction.reservePriceText.length > 0)
                wrapMode: Text.WordWrap
                text: root.auction.reservePriceText.length > 0
                      ? (root.auction.reserveMet ? qsTr("Your reserve of %1 is met.") : qsTr("Your reserve: %1, not met yet.")).arg(root.auction.reservePriceText)
                      : qsTr("The seller's reserve is not met yet.")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
                color: root.auction.reserveMet ? Theme.success : Theme.warning
            }

            // Where the user stands.
            Rectangle {
                objectName: "auctionStanding"
                Layout.fillWidth: true
                visible: root.auction.running && root.auction.hasYourMax
                implicitHeight: standingText.implicitHeight + Theme.spaceM
                radius: Theme.radiusS
                color: root.auction.leading ? Theme.successSoft : Theme.dangerSoft
                Text {
                    id: standingText
                    objectName: "auctionStandingText"
                    textFormat: Text.PlainText
                    anchors.fill: parent
                    anchors.margins: Theme.spaceS
                    verticalAlignment: Text.AlignVCenter
                    wrapMode: Text.WordWrap
                    text: root.auction.leading
                          ? qsTr("You are the highest bidder. Your maximum: %1").arg(root.auction.yourMaxText)
                          : qsTr("You have been outbid. Your maximum was %1").arg(root.auction.yourMaxText)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                    color: root.auction.leading ? Theme.success : Theme.danger
                }
            }

            // How it ended.
            Text {
                objectName: "auctionOutcome"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                visible: !root.auction.running
                wrapMode: Text.WordWrap
                text: root.auction.state === "cancelled" ? (root.auction.isSeller ? qsTr("You cancelled this auction.")
                                                                                  : qsTr("The seller cancelled this auction."))
                      : root.auction.youWon && root.auction.bidCount === 0 ? qsTr("You bought it. Your order is waiting for payment.")
                      : root.auction.youWon ? qsTr("You won this auction. Your order is waiting for payment.")
                      : root.auction.sold && root.auction.bidCount === 0 ? qsTr("Someone bought it at the buy-now price.")
                      : root.auction.sold ? (root.auction.winnerName.length > 0
                                             ? qsTr("Won by %1.").arg(root.auction.winnerName)
                                             : qsTr("This auction has a winner."))
                      : qsTr("The auction ended without a sale.")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
                color: root.auction.youWon ? Theme.success : Theme.text
            }

            ColumnLayout {
                Layout.fillWidth: true
                visible: root.auction.running && !root.auction.isSeller
                spacing: Theme.spaceS
                AppButton {
                    objectName: "placeBidButton"
                    Layout.fillWidth: true
                    iconName: "gavel"
                    text: root.auction.leading ? qsTr("Raise my maximum")
                                               : qsTr("Bid %1 or more").arg(root.auction.minNextBidText)
                    enabled: !root.auction.busy
                    busy: root.auction.busy
                    onClicked: root.bidRequested()
                }
                AppButton {
                    objectName: "buyNowButton"
                    Layout.fillWidth: true
                    visible: root.auction.buyNowOffered
                    kind: "secondary"
                    text: qsTr("Buy now for %1").arg(root.auction.buyNowPriceText)
                    enabled: !root.auction.busy
                    onClicked: root.buyNowRequested()
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                visible: root.auction.running && root.auction.isSeller
                spacing: Theme.spaceS
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: root.auction.bidCount === 0
                          ? qsTr("Your auction: buyers bid here. You can cancel it until the first bid.")
                          : qsTr("Your auction: bids have come in, so it runs to the end.")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                    color: Theme.textMuted
                }
                AppButton {
                    objectName: "cancelAuctionButton"
                    visible: root.auction.bidCount === 0
                    kind: "secondary"
                    iconName: "close"
                    text: qsTr("Cancel auction")
                    enabled: !root.auction.busy
                    onClicked: root.cancelRequested()
                }
            }
            Text {
                objectName: "auctionError"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                visible: text.length > 0
                wrapMode: Text.WordWrap
                text: root.auction.errorMessage
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
                color: Theme.danger
            }
        }
    }

    // The history, newest first.
    Text {
        textFormat: Text.PlainText
        text: qsTr("Bids (%1)").arg(root.auction.bidCount)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontHeading
        font.weight: Font.DemiBold
        color: Theme.text
    }
    Text {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        visible: root.auction.history.count === 0
        wrapMode: Text.WordWrap
        text: root.auction.running ? qsTr("Be the first to bid.") : qsTr("Nobody bid.")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: Theme.textFaint
    }
    ColumnLayout {
        objectName: "bidHistory"
        Layout.fillWidth: true
        spacing: 0
        Repeater {
            model: root.auction.history
            delegate: RowLayout {
                required property int index
                required property string bidderName
                required property string amountText
                required property string timeAgo
                required property bool isYou
                objectName: "bidRow_" + index
                Layout.fillWidth: true
                Layout.preferredHeight: 36
                spacing: Theme.spaceS
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    text: isYou ? qsTr("%1 (you)").arg(bidderName) : bidderName
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.weight: index === 0 ? Font.DemiBold : Font.Normal
                    color: Theme.text
                }
                Text {
                    textFormat: Text.PlainText
                    text: timeAgo
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                    color: Theme.textFaint
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.minimumWidth: 88
                    horizontalAlignment: Text.AlignRight
                    text: amountText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.weight: index === 0 ? Font.Bold : Font.Normal
                    color: index === 0 ? Theme.text : Theme.textMuted
                }
            }
        }
    }
    AppButton {
        visible: root.auction.history.hasMore
        kind: "quiet"
        text: qsTr("Show earlier bids")
        onClicked: root.auction.history.loadMore()
    }
}
