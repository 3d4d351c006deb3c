// One chat: the listing it is about on top (its photo, title, price and status; the seller
// reserves or sells it from here), the messages from the bottom up with older ones read as the
// user scrolls up, "typing…", the meet-up card the server suggests, and the composer: Enter
// sends, Shift+Enter starts a new line, the photo button sends a photo. What is written while
// offline shows as sending and goes when the connection comes back.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Item {
    id: page
    objectName: "chatRoomPage"
    property alias chatId: room.chatId
    property alias room: room
    signal back()
    signal listingOpened(string listingId)
    signal notice(string message, bool isError)
    // On screen: what arrives is read.
    readonly property bool onTop: Basic.StackView.status === Basic.StackView.Active

    ChatRoom {
        id: room
        objectName: "chatRoom"
        chats: Chats
        active: page.visible && page.onTop
        onNotice: function (message, isError) { page.notice(message, isError) }
    }

    function sendComposed() {
        if (room.send(composer.text)) {
            composer.clear()
            messages.showNewest()
        }
    }

    Keys.onEscapePressed: page.back()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // The listing this chat is about.
        Rectangle {
            objectName: "chatHeader"
            Layout.fillWidth: true
            implicitHeight: header.implicitHeight + 2 * Theme.spaceM
            color: Theme.surface
            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
            RowLayout {
                id: header
                anchors.fill: parent
                anchors.margins: Theme.spaceM
                anchors.leftMargin: Theme.spaceL
                anchors.rightMargin: Theme.spaceL
                spacing: Theme.spaceM
                IconButton { objectName: "backButton"; iconName: "back"; tip: qsTr("Back (Esc)"); onClicked: page.back() }
                AsyncImage {
                    Layout.preferredWidth: 48
                    Layout.preferredHeight: 48
                    radius: Theme.radiusS
                    source: room.listingThumbUrl
                    sourceSize: Qt.size(96, 96)
                    MouseArea {
                        anchors.fill: parent
                        cursorShape: Qt.PointingHandCursor
                        onClicked: page.listingOpened(room.listingId)
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Text {
                        objectName: "chatCounterpart"
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: room.counterpartName
                        elide: Text.ElideRight
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.Bold
                        color: Theme.text
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spaceS
                        StatusPill {
                            objectName: "chatListingStatus"
                            status: room.listingStatus
                            text: room.listingStatusText
                        }
                        Text {
                            objectName: "chatListingTitle"
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: room.listingTitle + " · " + room.listingPriceText
                            elide: Text.ElideRight
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            color: Theme.textMuted
                        }
                    }
                }
                // The seller's: reserve it for this buyer, mark it sold, or put it on sale again.
                AppButton {
                    objectName: "reserveButton"
                    visible: room.isSeller && room.listingStatus === "active"
                    kind: "secondary"
                    text: qsTr("Reserve for %1").arg(room.counterpartName)
                    enabled: !room.busy
                    onClicked: room.setListingStatus("reserved")
                }
                AppButton {
                    objectName: "markSoldButton"
                    visible: room.isSeller && (room.listingStatus === "active" || room.listingStatus === "reserved")
                    kind: "secondary"
                    text: qsTr("Mark sold")
                    enabled: !room.busy
                    onClicked: room.setListingStatus("sold")
                }
                AppButton {
                    objectName: "backOnSaleButton"
                    visible: room.isSeller && (room.listingStatus === "reserved" || room.listingStatus === "sold")
                    kind: "quiet"
                    text: qsTr("Back on sale")
                    enabled: !room.busy
                    onClicked: room.setListingStatus("active")
                }
                IconButton {
                    id: moreButton
                    objectName: "chatMoreButton"
                    iconName: "more"
                    tip: qsTr("More")
                    onClicked: moreMenu.open()
                    Basic.Menu {
                        id: moreMenu
                        y: moreButton.height
                        Basic.MenuItem {
                            objectName: "proposeMeetupItem"
                            text: qsTr("Propose a meet-up…")
                            enabled: room.canWrite
                            onTriggered: meetupDialog.open()
                        }
                        Basic.MenuItem {
                            objectName: "blockItem"
                            text: room.blockedByYou ? qsTr("Unblock %1").arg(room.counterpartName)
                                                    : qsTr("Block %1").arg(room.counterpartName)
                            onTriggered: room.blockedByYou ? room.unblock() : blockDialog.open()
                        }
                    }
                }
            }
        }

        ListView {
            id: messages
            objectName: "chatMessages"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            verticalLayoutDirection: ListView.BottomToTop
            model: room
            leftMargin: Theme.spaceL
            rightMargin: Theme.spaceL
            topMargin: Theme.spaceM
            bottomMargin: Theme.spaceM
            Basic.ScrollBar.vertical: Basic.ScrollBar { }
            // Older history as the top comes into sight.
            function loadOlderIfNear() {
                if (room.hasOlder && count > 0 && indexAt(width / 2, contentY + 40) >= count - 3)
                    room.loadOlder()
            }
            onContentYChanged: loadOlderIfNear()
            onCountChanged: Qt.callLater(loadOlderIfNear)
            // At the newest message (the bottom), new ones stay in sight as they come; scrolled
            // up into history, the view stays where the user is.
            property bool followNewest: true
            function showNewest() {
                followNewest = true
                Qt.callLater(positionViewAtBeginning)
            }
            onMovementEnded: followNewest = atYEnd
            Connections {
                target: room
                function onRowsInserted(parent, first, last) {
                    if (first === 0 && messages.followNewest)
                        Qt.callLater(messages.positionViewAtBeginning)
                }
                function onModelReset() { messages.showNewest() }
            }
            delegate: ChatBubble {
                width: messages.width - messages.leftMargin - messages.rightMargin
                counterpartName: room.counterpartName
                onPhotoOpened: function (messageId) {
                    viewer.index = room.photoIndex(messageId)
                    viewer.open()
                }
                onAppointmentAnswered: function (messageId, accept) { room.answerAppointment(messageId, accept) }
                onRetryRequested: function (clientId) { room.retry(clientId) }
                onDiscardRequested: function (clientId) { room.discard(clientId) }
            }
        }

        Text {
            objectName: "chatTyping"
            visible: room.otherTyping
            Layout.leftMargin: Theme.spaceL + 40
            Layout.bottomMargin: Theme.spaceXs
            textFormat: Text.PlainText
            text: qsTr("%1 is typing…").arg(room.counterpartName)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
            font.italic: true
            color: Theme.textMuted
        }

        // The meet-up the server read in the last messages, to send as a card.
        Rectangle {
            objectName: "meetupSuggestion"
            visible: room.hasSuggestion && room.canWrite
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spaceL
            Layout.rightMargin: Theme.spaceL
            Layout.bottomMargin: Theme.spaceS
            implicitHeight: suggestionRow.implicitHeight + 2 * Theme.spaceS
            radius: Theme.radiusM
            color: Theme.accentSoft
            RowLayout {
                id: suggestionRow
                anchors.fill: parent
                anchors.margins: Theme.spaceS
                anchors.leftMargin: Theme.spaceM
                spacing: Theme.spaceS
                Icon { name: "clock"; size: 18; color: Theme.accent }
                Text {
                    objectName: "meetupSuggestionText"
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: room.suggestionText
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
                AppButton {
                    objectName: "sendSuggestionButton"
                    text: qsTr("Send meet-up card")
                    enabled: !room.busy
                    onClicked: room.sendSuggestion()
                }
                IconButton { iconName: "close"; tip: qsTr("Not now"); onClicked: room.dismissSuggestion() }
            }
        }

        // Why nothing can be written while a block stands.
        Rectangle {
            objectName: "chatBlocked"
            visible: room.loaded && !room.canWrite
            Layout.fillWidth: true
            implicitHeight: blockedText.implicitHeight + 2 * Theme.spaceM
            color: Theme.dangerSoft
            Text {
                id: blockedText
                objectName: "chatBlockedText"
                anchors.fill: parent
                anchors.margins: Theme.spaceM
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                text: room.blockedByYou ? qsTr("You blocked %1. Unblock them to send messages.").arg(room.counterpartName)
                                        : qsTr("%1 has blocked you. You cannot send messages here.").arg(room.counterpartName)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.danger
            }
        }

        // The composer.
        Rectangle {
            visible: room.canWrite
            Layout.fillWidth: true
            implicitHeight: composerRow.implicitHeight + 2 * Theme.spaceM
            color: Theme.surface
            Rectangle { width: parent.width; height: 1; color: Theme.border }
            RowLayout {
                id: composerRow
                anchors.fill: parent
                anchors.margins: Theme.spaceM
                anchors.leftMargin: Theme.spaceL
                anchors.rightMargin: Theme.spaceL
                spacing: Theme.spaceS
                IconButton {
                    objectName: "attachPhotoButton"
                    Layout.alignment: Qt.AlignBottom
                    iconName: "image"
                    iconColor: Theme.textMuted
                    tip: qsTr("Send a photo")
                    enabled: !room.uploading
                    onClicked: picker.open()
                }
                Basic.BusyIndicator {
                    visible: room.uploading
                    running: visible
                    Layout.preferredWidth: 28
                    Layout.preferredHeight: 28
                    Layout.alignment: Qt.AlignBottom
                }
                Basic.ScrollView {
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(120, Math.max(Theme.controlHeight, composer.implicitHeight))
                    Basic.TextArea {
                        id: composer
                        objectName: "chatComposer"
                        wrapMode: TextEdit.Wrap
                        placeholderText: qsTr("Write a message")
                        placeholderTextColor: Theme.textFaint
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        selectionColor: Theme.accent
                        selectedTextColor: Theme.textOnAccent
                        selectByMouse: true
                        focus: true
                        leftPadding: Theme.spaceM - 4
                        rightPadding: Theme.spaceM - 4
                        topPadding: 10
                        bottomPadding: 10
                        background: Rectangle {
                            radius: Theme.radiusS
                            color: Theme.surfaceSunken
                            border.width: composer.activeFocus ? 2 : 1
                            border.color: composer.activeFocus ? Theme.accent : Theme.border
                        }
                        onTextChanged: if (text.length > 0) room.typed()
                        // Enter sends; Shift+Enter is a new line.
                        Keys.onPressed: function (event) {
                            if (event.key !== Qt.Key_Return && event.key !== Qt.Key_Enter)
                                return
                            event.accepted = true
                            if (event.modifiers & Qt.ShiftModifier)
                                composer.insert(composer.cursorPosition, "\n")
                            else
                                page.sendComposed()
                        }
                    }
                }
                AppButton {
                    objectName: "sendButton"
                    Layout.alignment: Qt.AlignBottom
                    iconName: "send"
                    text: qsTr("Send")
                    enabled: composer.text.trim().length > 0
                    onClicked: page.sendComposed()
                }
            }
        }
    }

    Basic.BusyIndicator {
        anchors.centerIn: parent
        running: room.loading && !room.loaded
        visible: running
    }
    EmptyState {
        objectName: "chatLoadError"
        anchors.centerIn: parent
        visible: !room.loading && !room.loaded && room.errorMessage.length > 0
        iconName: "alert"
        title: qsTr("Could not open this chat")
        detail: room.errorMessage
        actionText: qsTr("Try again")
        onAction: { const id = room.chatId; room.chatId = ""; room.chatId = id }
    }
    Text {
        objectName: "chatEmptyHint"
        anchors.centerIn: parent
        visible: room.loaded && room.count === 0
        textFormat: Text.PlainText
        text: qsTr("Say hello to %1 and ask about “%2”.").arg(room.counterpartName).arg(room.listingTitle)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: Theme.textMuted
    }

    FullImageViewer { id: viewer; photos: room.photos }
    PhotoPicker {
        id: picker
        objectName: "chatPhotoPicker"
        remaining: 1
        onPicked: function (files) { room.sendPhoto(files[0]) }
    }
    ConfirmDialog {
        id: blockDialog
        objectName: "blockDialog"
        title: qsTr("Block %1?").arg(room.counterpartName)
        message: qsTr("They cannot message you or open new chats with you until you unblock them. You cannot message them either.")
        confirmText: qsTr("Block")
        onConfirmed: room.block()
    }
    MeetupDialog {
        id: meetupDialog
        onProposed: function (dayOffset, timeText, place) {
            if (room.proposeAppointment(dayOffset, timeText, place))
                meetupDialog.close()
        }
    }
}
