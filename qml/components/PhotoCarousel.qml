// A listing's photos one at a time: arrows, keys (←/→), swipe or the
// thumbnail strip to move, a click to see the photo full size. A strip longer
// than the page shows that it goes on (a fade and an arrow at the cut end, a
// scroll bar) and follows the photo shown.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic

FocusScope {
    id: root
    property var photos
    property alias currentIndex: pager.currentIndex
    signal openFullSize(int index)

    // The cut end of the thumbnail strip: a fade into the page and an arrow that scrolls on.
    component StripEnd: Rectangle {
        id: stripEnd
        property bool atStart
        readonly property color clear: Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0)
        signal pressed()
        width: 56
        height: 64
        gradient: Gradient {
            orientation: Gradient.Horizontal
            GradientStop { position: 0; color: stripEnd.atStart ? Theme.background : stripEnd.clear }
            GradientStop { position: 1; color: stripEnd.atStart ? stripEnd.clear : Theme.background }
        }
        IconButton {
            anchors.verticalCenter: parent.verticalCenter
            x: stripEnd.atStart ? 0 : parent.width - width
            implicitWidth: 28
            implicitHeight: 28
            iconSize: 16
            filled: true
            iconName: stripEnd.atStart ? "back" : "forward"
            iconColor: "#FFFFFF"
            tip: stripEnd.atStart ? qsTr("Earlier photos") : qsTr("More photos")
            onClicked: stripEnd.pressed()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spaceS
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radiusM
            color: Theme.surfaceSunken
            clip: true
            ListView {
                id: pager
                objectName: "photoPager"
                anchors.fill: parent
                focus: true
                orientation: ListView.Horizontal
                snapMode: ListView.SnapOneItem
                highlightRangeMode: ListView.StrictlyEnforceRange
                highlightMoveDuration: Theme.animationNormal
                boundsBehavior: Flickable.StopAtBounds
                model: root.photos
                delegate: AsyncImage {
                    required property int index
                    required property url url
                    width: pager.width
                    height: pager.height
                    color: "transparent"
                    fillMode: Image.PreserveAspectFit
                    source: url
                    TapHandler { onTapped: root.openFullSize(index) }
                }
                // A model filled after the view was made leaves no current photo; start at the cover.
                onCountChanged: if (currentIndex < 0 && count > 0) currentIndex = 0
                onCurrentIndexChanged: strip.follow(currentIndex)
                Keys.onLeftPressed: decrementCurrentIndex()
                Keys.onRightPressed: incrementCurrentIndex()
            }
            IconButton {
                anchors { left: parent.left; verticalCenter: parent.verticalCenter; margins: Theme.spaceS }
                visible: pager.currentIndex > 0
                filled: true
                iconName: "back"
                iconColor: "#FFFFFF"
                tip: qsTr("Previous photo")
                onClicked: pager.decrementCurrentIndex()
            }
            IconButton {
                anchors { right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.spaceS }
                visible: pager.currentIndex < pager.count - 1
                filled: true
                iconName: "forward"
                iconColor: "#FFFFFF"
                tip: qsTr("Next photo")
                onClicked: pager.incrementCurrentIndex()
            }
            IconButton {
                objectName: "fullSizeButton"
                anchors { right: parent.right; top: parent.top; margins: Theme.spaceS }
                visible: pager.count > 0
                filled: true
                iconName: "expand"
                iconColor: "#FFFFFF"
                tip: qsTr("Full size")
                onClicked: root.openFullSize(pager.currentIndex)
            }
            Rectangle {
                anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter; margins: Theme.spaceS }
                visible: pager.count > 1
                width: counter.implicitWidth + Theme.spaceM
                height: 24
                radius: 12
                color: Qt.rgba(0, 0, 0, 0.5)
                Text {
                    id: counter
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: (pager.currentIndex + 1) + " / " + pager.count
                    color: "#FFFFFF"
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
            }
            EmptyState {
                anchors.centerIn: parent
                visible: pager.count === 0
                iconName: "image"
                title: qsTr("No photos")
            }
        }
        Item {
            Layout.fillWidth: true
            Layout.preferredHeight: 64 + (strip.contentWidth > strip.width ? 10 : 0)
            visible: pager.count > 1
            ListView {
                id: strip
                objectName: "thumbnailStrip"
                readonly property bool moreBefore: contentWidth > width && !atXBeginning
                readonly property bool moreAfter: contentWidth > width && !atXEnd
                // The photo shown in the middle of the strip, as far as its ends allow.
                function follow(index) {
                    if (width <= 0 || index < 0)
                        return
                    const thumb = 64 + spacing
                    const target = index * thumb + 32 - width / 2
                    contentX = Math.max(originX, Math.min(originX + contentWidth - width, originX + target))
                }
                anchors.fill: parent
                orientation: ListView.Horizontal
                spacing: Theme.spaceS
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                model: root.photos
                onWidthChanged: follow(pager.currentIndex)
                Basic.ScrollBar.horizontal: Basic.ScrollBar {
                    policy: strip.contentWidth > strip.width ? Basic.ScrollBar.AlwaysOn : Basic.ScrollBar.AlwaysOff
                }
                delegate: AsyncImage {
                    required property int index
                    required property url thumbUrl
                    width: 64
                    height: 64
                    radius: Theme.radiusS
                    source: thumbUrl
                    sourceSize: Qt.size(128, 128)
                    border.width: index === pager.currentIndex ? 2 : 0
                    border.color: Theme.accent
                    opacity: index === pager.currentIndex ? 1 : 0.7
                    TapHandler { onTapped: pager.currentIndex = index }
                }
            }
            StripEnd {
                objectName: "stripMoreBefore"
                atStart: true
                visible: strip.moreBefore
                anchors.left: parent.left
                onPressed: strip.flick(1500, 0)
            }
            StripEnd {
                objectName: "stripMoreAfter"
                atStart: false
                visible: strip.moreAfter
                anchors.right: parent.right
                onPressed: strip.flick(-1500, 0)
            }
        }
    }
}
