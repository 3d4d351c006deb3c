// Picks several photos at once. Qt's own file dialog (the one used where the
// desktop offers no native dialog) selects a single file, so a seller with 20
// shots would open it 20 times: this shows a folder's photos as thumbnails,
// each click (or Space) ticks one, and "Add" hands them over in the folder's
// order (the order they were shot in). Folders open with a click; the bar on
// top goes up a level or to Pictures. Names match whatever their case
// (IMG_1025.JPG), and photos already in the draft show as added.
import QtCore
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls as Controls
import QtQuick.Controls.Basic as Basic
import Qt.labs.folderlistmodel

Basic.Popup {
    id: picker
    // Where it opens; it stays where the seller last picked from.
    property url currentFolder: picturesFolder
    // How many more photos the draft takes.
    property int remaining: 20
    // Files already in the draft (their URLs as text): shown as added, not pickable.
    property var alreadyAdded: []
    property var selected: ({})
    readonly property int selectedCount: Object.keys(selected).length
    readonly property url picturesFolder: {
        const pictures = StandardPaths.locate(StandardPaths.PicturesLocation, "", StandardPaths.LocateDirectory)
        return pictures.toString().length > 0 ? pictures : StandardPaths.writableLocation(StandardPaths.HomeLocation)
    }
    signal picked(var files)

    function isAdded(url) { return alreadyAdded.indexOf(url.toString()) >= 0 }
    function toggle(url) {
        const key = url.toString()
        const next = Object.assign({}, selected)
        if (next[key])
            delete next[key]
        else if (selectedCount < remaining && !isAdded(url))
            next[key] = true
        selected = next
    }
    function openFolder(url) {
        selected = ({})
        currentFolder = url
        grid.currentIndex = 0
    }
    function selectAll() {
        const next = Object.assign({}, selected)
        let count = selectedCount
        for (let row = 0; row < folder.count && count < remaining; ++row) {
            const url = folder.get(row, "fileUrl")
            if (!folder.get(row, "fileIsDir") && !isAdded(url) && !next[url.toString()]) {
                next[url.toString()] = true
                ++count
            }
        }
        selected = next
    }
    function accept() {
        const files = []
        for (let row = 0; row < folder.count; ++row) {
            const url = folder.get(row, "fileUrl")
            if (selected[url.toString()])
                files.push(url)
        }
        selected = ({})
        close()
        if (files.length > 0)
            picked(files)
    }

    parent: Controls.Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(860, parent ? parent.width - 2 * Theme.spaceL : 860)
    height: Math.min(640, parent ? parent.height - 2 * Theme.spaceL : 640)
    modal: true
    focus: true
    padding: 0
    onOpened: grid.forceActiveFocus()
    onClosed: selected = ({})
    background: Rectangle { color: Theme.surfaceRaised; radius: Theme.radiusL; border.color: Theme.border }

    FolderListModel {
        id: folder
        folder: picker.currentFolder
        nameFilters: ["*.jpg", "*.jpeg", "*.png", "*.webp"]
        caseSensitive: false
        showDirsFirst: true
        showDotAndDotDot: false
        showHidden: false
        sortCaseSensitive: false
    }

    contentItem: ColumnLayout {
        spacing: 0
        ColumnLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spaceL
            Layout.bottomMargin: Theme.spaceM
            spacing: Theme.spaceS
            Text {
                textFormat: Text.PlainText
                text: qsTr("Choose photos")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.weight: Font.Bold
                color: Theme.text
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spaceS
                IconButton {
                    objectName: "photoPickerUp"
                    iconName: "back"
                    tip: qsTr("Up one folder")
                    enabled: folder.parentFolder.toString().length > 0
                    opacity: enabled ? 1 : 0.4
                    onClicked: picker.openFolder(folder.parentFolder)
                }
                Text {
                    objectName: "photoPickerFolder"
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: decodeURIComponent(picker.currentFolder.toString().replace(/^file:\/\//, ""))
                    elide: Text.ElideMiddle
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                }
                AppButton {
                    kind: "quiet"
                    iconName: "image"
                    text: qsTr("Pictures")
                    onClicked: picker.openFolder(picker.picturesFolder)
                }
                AppButton {
                    objectName: "photoPickerSelectAll"
                    kind: "quiet"
                    text: qsTr("Select all")
                    enabled: picker.selectedCount < picker.remaining
                    onClicked: picker.selectAll()
                }
            }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            GridView {
                id: grid
                objectName: "photoPickerGrid"
                anchors.fill: parent
                anchors.margins: Theme.spaceM
                clip: true
                model: folder
                cellWidth: Math.floor(width / Math.max(1, Math.floor(width / 150)))
                cellHeight: cellWidth + 24
                keyNavigationEnabled: true
                focus: true
                Basic.ScrollBar.vertical: Basic.ScrollBar { }
                Keys.onSpacePressed: if (currentItem) currentItem.activate()
                Keys.onReturnPressed: if (currentItem && currentItem.isDir) currentItem.activate(); else if (picker.selectedCount > 0) picker.accept()
                delegate: Basic.AbstractButton {
                    id: tile
                    required property int index
                    required property string fileName
                    required property url fileUrl
                    required property bool fileIsDir
                    readonly property bool isDir: fileIsDir
                    readonly property bool added: !fileIsDir && picker.isAdded(fileUrl)
                    readonly property bool ticked: !!picker.selected[fileUrl.toString()]
                    objectName: "photoPickerTile"
                    width: grid.cellWidth
                    height: grid.cellHeight
                    hoverEnabled: true
                    focusPolicy: Qt.NoFocus
                    Accessible.name: fileName
                    function activate() {
                        grid.currentIndex = index
                        if (fileIsDir)
                            picker.openFolder(fileUrl)
                        else
                            picker.toggle(fileUrl)
                    }
                    onClicked: activate()
                    background: Rectangle {
                        anchors.fill: parent
                        anchors.margins: 2
                        radius: Theme.radiusS
                        color: tile.ticked ? Theme.accentSoft : (tile.hovered ? Theme.surfaceSunken : "transparent")
                        border.width: tile.ticked || (grid.activeFocus && grid.currentIndex === tile.index) ? 2 : 0
                        border.color: Theme.accent
                    }
                    contentItem: ColumnLayout {
                        spacing: 2
                        Item {
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Layout.margins: Theme.spaceXs + 2
                            Icon {
                                anchors.centerIn: parent
                                visible: tile.fileIsDir
                                name: "folder"
                                size: 56
                                color: Theme.accent
                            }
                            AsyncImage {
                                anchors.fill: parent
                                visible: !tile.fileIsDir
                                radius: Theme.radiusS
                                source: tile.fileIsDir ? "" : tile.fileUrl
                                sourceSize: Qt.size(200, 200)
                                opacity: tile.added ? 0.45 : 1
                            }
                            Rectangle {
                                objectName: "photoPickerCheck"
                                visible: tile.ticked || tile.added
                                anchors { right: parent.right; top: parent.top; margins: Theme.spaceXs }
                                width: 24
                                height: 24
                                radius: 12
                                color: tile.added ? Theme.textMuted : Theme.accent
                                border.color: "#FFFFFF"
                                border.width: 2
                                Icon { anchors.centerIn: parent; name: "check"; size: 14; color: "#FFFFFF" }
                            }
                            Rectangle {
                                visible: tile.added
                                anchors { left: parent.left; bottom: parent.bottom; margins: Theme.spaceXs }
                                width: addedText.implicitWidth + Theme.spaceS
                                height: 20
                                radius: 10
                                color: Theme.surface
                                Text {
                                    id: addedText
                                    textFormat: Text.PlainText
                                    anchors.centerIn: parent
                                    text: qsTr("Added")
                                    font.family: Theme.fontFamily
                                    font.pixelSize: 11
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                }
                            }
                        }
                        Text {
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            Layout.leftMargin: Theme.spaceXs
                            Layout.rightMargin: Theme.spaceXs
                            Layout.bottomMargin: Theme.spaceXs
                            text: tile.fileName
                            horizontalAlignment: Text.AlignHCenter
                            elide: Text.ElideMiddle
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontCaption
                            color: Theme.text
                        }
                    }
                }
            }
            EmptyState {
                anchors.centerIn: parent
                visible: folder.status === FolderListModel.Ready && folder.count === 0
                iconName: "image"
                title: qsTr("No photos in this folder")
                detail: qsTr("JPEG, PNG or WebP files show here. Open another folder above.")
            }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spaceM
            Layout.leftMargin: Theme.spaceL
            Layout.rightMargin: Theme.spaceL
            spacing: Theme.spaceS
            Text {
                objectName: "photoPickerCount"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: picker.selectedCount >= picker.remaining
                      ? qsTr("%n photo(s) chosen: the listing is full", "", picker.selectedCount)
                      : qsTr("%n photo(s) chosen", "", picker.selectedCount) + " · "
                        + qsTr("room for %n more", "", picker.remaining - picker.selectedCount)
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
            }
            AppButton {
                objectName: "photoPickerCancel"
                kind: "secondary"
                text: qsTr("Cancel")
                onClicked: picker.close()
            }
            AppButton {
                objectName: "photoPickerAdd"
                text: picker.selectedCount > 0 ? qsTr("Add %n photo(s)", "", picker.selectedCount) : qsTr("Add photos")
                enabled: picker.selectedCount > 0
                onClicked: picker.accept()
            }
        }
    }
}
