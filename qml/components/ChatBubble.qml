// One row of an open chat: the day above it when a new day starts, then the message. The
// user's own on the right in the accent colour, the other member's on the left; a run of one
// sender's messages sits close together with the time under its last one. Photos open full
// size, appointment cards carry their answer, system messages sit centred. Under the user's
// message: "Sending…" while it waits, the reason and a retry when it was refused, and "Read"
// under the newest one the other member has read.
import QtQuick
import QtQuick.Layouts

Item {
    id: row
    required property int index
    required property string messageId
    required property string kind
    required property string text
    required property bool mine
    required property bool pending
    required property bool failed
    required property string errorText
    required property string clientId
    required property string timeText
    required property string dayText
    required property bool showDay
    required property bool firstInGroup
    required property bool lastInGroup
    required property url imageThumbUrl
    required property int imageWidth
    required property int imageHeight
    required property string appointmentTime
    required property string appointmentPlace
    required property string appointmentStatus
    required property bool canAnswer
    required property string systemText
    required property bool readReceipt
    property string counterpartName
    property real maxBubbleWidth: width * 0.62
    signal photoOpened(string messageId)
    signal appointmentAnswered(string messageId, bool accept)
    signal retryRequested(string clientId)
    signal discardRequested(string clientId)

    objectName: "chatMessage_" + index
    implicitHeight: column.implicitHeight + (firstInGroup ? Theme.spaceS : 2)

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        spacing: 2

        // The day this run of messages starts.
        RowLayout {
            visible: row.showDay
            Layout.fillWidth: true
            Layout.topMargin: Theme.spaceM
            Layout.bottomMargin: Theme.spaceS
            spacing: Theme.spaceS
            Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
            Text {
                objectName: "chatDay"
                textFormat: Text.PlainText
                text: row.dayText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
                color: Theme.textFaint
            }
            Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
        }

        Text {
            objectName: "chatSystemText"
            visible: row.kind === "system"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spaceXs
            Layout.bottomMargin: Theme.spaceXs
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            textFormat: Text.PlainText
            text: row.systemText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
            color: Theme.textMuted
        }

        RowLayout {
            visible: row.kind !== "system"
            Layout.fillWidth: true
            layoutDirection: row.mine ? Qt.RightToLeft : Qt.LeftToRight
            spacing: Theme.spaceS

            // The other member's initial by the first message of each run.
            Rectangle {
                visible: !row.mine
                Layout.alignment: Qt.AlignTop
                width: 32
                height: 32
                radius: 16
                color: row.firstInGroup ? Theme.accentSoft : "transparent"
                Text {
                    visible: row.firstInGroup
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: row.counterpartName.length > 0 ? row.counterpartName.charAt(0).toUpperCase() : "?"
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.Bold
                    color: Theme.accent
                }
            }

            ColumnLayout {
                spacing: 2
                Layout.maximumWidth: row.maxBubbleWidth

                // Text
                Rectangle {
                    objectName: "chatTextBubble"
                    visible: row.kind === "text"
                    Layout.alignment: row.mine ? Qt.AlignRight : Qt.AlignLeft
                    implicitWidth: Math.min(row.maxBubbleWidth, bubbleText.implicitWidth + 2 * Theme.spaceM)
                    implicitHeight: bubbleText.implicitHeight + 2 * Theme.spaceS + 2
                    radius: Theme.radiusL
                    color: row.mine ? Theme.accent : Theme.surface
                    border.width: row.mine ? 0 : 1
                    border.color: Theme.border
                    opacity: row.pending ? 0.6 : 1
                    Text {
                        id: bubbleText
                        x: Theme.spaceM
                        y: Theme.spaceS + 1
                        width: Math.min(implicitWidth, row.maxBubbleWidth - 2 * Theme.spaceM)
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        text: row.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        lineHeight: 1.2
                        color: row.mine ? Theme.textOnAccent : Theme.text
                    }
                }

                // Photo: as wide as 240 px allows at its own shape; a click shows it full size.
                AsyncImage {
                    objectName: "chatPhoto"
                    visible: row.kind === "image"
                    readonly property real aspect: row.imageWidth > 0 && row.imageHeight > 0
                                                   ? row.imageWidth / row.imageHeight : 4 / 3
                    Layout.alignment: row.mine ? Qt.AlignRight : Qt.AlignLeft
                    Layout.preferredWidth: aspect >= 1 ? 240 : 240 * aspect
                    Layout.preferredHeight: aspect >= 1 ? 240 / aspect : 240
                    radius: Theme.radiusM
                    source: row.kind === "image" ? row.imageThumbUrl : ""
                    sourceSize: Qt.size(480, 480)
                    MouseArea {
                        anchors.fill: parent
                        cursorShape: Qt.PointingHandCursor
                        onClicked: row.photoOpened(row.messageId)
                    }
                }

                // Appointment card
                Rectangle {
                    objectName: "appointmentCard"
                    visible: row.kind === "appointment"
                    Layout.alignment: row.mine ? Qt.AlignRight : Qt.AlignLeft
                    implicitWidth: 280
                    implicitHeight: card.implicitHeight + 2 * Theme.spaceM
                    radius: Theme.radiusL
                    color: Theme.surface
                    border.width: 1
                    border.color: row.appointmentStatus === "accepted" ? Theme.success : Theme.borderStrong
                    ColumnLayout {
                        id: card
                        x: Theme.spaceM
                        y: Theme.spaceM
                        width: parent.width - 2 * Theme.spaceM
                        spacing: Theme.spaceXs
                        RowLayout {
                            spacing: Theme.spaceS
                            Icon { name: "clock"; size: 18; color: Theme.accent }
                            Text {
                                textFormat: Text.PlainText
                                Layout.fillWidth: true
                                text: qsTr("Meet-up")
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontBody
                                font.weight: Font.Bold
                                color: Theme.text
                            }
                            StatusPill {
                                objectName: "appointmentStatus"
                                status: row.appointmentStatus === "accepted" ? "active"
                                        : row.appointmentStatus === "declined" ? "sold" : "proposed"
                                text: row.appointmentStatus === "accepted" ? qsTr("Accepted")
                                      : row.appointmentStatus === "declined" ? qsTr("Declined") : qsTr("Proposed")
                            }
                        }
                        Text {
                            objectName: "appointmentTime"
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: row.appointmentTime
                            wrapMode: Text.Wrap
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontHeading
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        RowLayout {
                            spacing: Theme.spaceXs
                            Icon { name: "pin"; size: 16; color: Theme.textMuted }
                            Text {
                                objectName: "appointmentPlace"
                                textFormat: Text.PlainText
                                Layout.fillWidth: true
                                text: row.appointmentPlace
                                wrapMode: Text.Wrap
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontBody
                                color: Theme.textMuted
                            }
                        }
                        RowLayout {
                            visible: row.canAnswer
                            Layout.topMargin: Theme.spaceXs
                            spacing: Theme.spaceS
                            AppButton {
                                objectName: "acceptAppointmentButton"
                                Layout.fillWidth: true
                                text: qsTr("Accept")
                                onClicked: row.appointmentAnswered(row.messageId, true)
                            }
                            AppButton {
                                objectName: "declineAppointmentButton"
                                Layout.fillWidth: true
                                kind: "secondary"
                                text: qsTr("Decline")
                                onClicked: row.appointmentAnswered(row.messageId, false)
                            }
                        }
                    }
                }

                // Under the bubble: sending, refused, read, or the time of the run's last one.
                Row {
                    Layout.alignment: row.mine ? Qt.AlignRight : Qt.AlignLeft
                    visible: row.lastInGroup || row.pending || row.failed || row.readReceipt
                    spacing: Theme.spaceS
                    Text {
                        objectName: "chatReadReceipt"
                        visible: row.readReceipt
                        textFormat: Text.PlainText
                        text: qsTr("Read")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                        font.weight: Font.DemiBold
                        color: Theme.accent
                    }
                    Text {
                        objectName: row.pending ? "chatPending" : "chatTime"
                        visible: !row.failed
                        textFormat: Text.PlainText
                        text: row.pending ? qsTr("Sending…") : row.timeText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                        color: Theme.textFaint
                    }
                    Text {
                        objectName: "chatFailed"
                        visible: row.failed
                        textFormat: Text.PlainText
                        text: qsTr("Not sent: %1").arg(row.errorText)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                        color: Theme.danger
                    }
                    Text {
                        objectName: "chatRetry"
                        visible: row.failed
                        textFormat: Text.PlainText
                        text: qsTr("Try again")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                        font.weight: Font.DemiBold
                        font.underline: true
                        color: Theme.accent
                        MouseArea { anchors.fill: parent; cursorShape: Qt.PointingHandCursor; onClicked: row.retryRequested(row.clientId) }
                    }
                    Text {
                        visible: row.failed
                        textFormat: Text.PlainText
                        text: qsTr("Delete")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                        font.underline: true
                        color: Theme.textMuted
                        MouseArea { anchors.fill: parent; cursorShape: Qt.PointingHandCursor; onClicked: row.discardRequested(row.clientId) }
                    }
                }
            }
            Item { Layout.fillWidth: true }
        }
    }
}
