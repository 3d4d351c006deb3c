// Sell (or edit) an item: the details on the left, photos on the right. Photos
// come from the file picker or a drop, can be reordered (dragged, or moved
// with their arrow buttons) and removed before upload, and show their own
// progress while uploading. Errors sit next to the field they are about. A new
// item is sold at a fixed price or by auction: the auction asks for its start
// price, step, optional reserve and buy-now price, and how long it runs.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Item {
    id: page
    objectName: "sellPage"
    property alias draft: draft
    // wasEdit: an existing listing was changed rather than a new one published.
    signal saved(string listingId, bool wasEdit)
    signal cancelled()

    property bool editing: false
    // Half the page for the details (320 to 560 px), the rest for the photos. From the
    // page's width alone: a width the layout derived from wrapped texts and from the
    // two-or-one column choice went round in a polish loop, and so did wrapped texts
    // laid out at no width at all while the page had never been shown.
    readonly property real formWidth: Math.max(320, Math.min(560, Math.floor((scroller.availableWidth - 2 * Theme.spaceL - Theme.spaceXl) / 2)))
    function startNew() { editing = false; draft.reset() }
    // A new item with anything typed or added that has not been published.
    readonly property bool hasUnpublishedDraft: draft.listingId.length === 0
        && draft.stage === ListingDraft.Editing
        && (draft.title.length > 0 || draft.description.length > 0 || draft.price.length > 0
            || draft.tags.length > 0 || draft.region.length > 0 || draft.photos.count > 0)
    function cancel() {
        if (hasUnpublishedDraft)
            discardDraft.open()
        else
            page.cancelled()
    }
    function edit(listingId) { editing = true; draft.reset(); draft.listingId = listingId }

    ListingDraft {
        id: draft
        api: Api
        onSaved: function (listingId) { page.saved(listingId, page.editing) }
    }
    CategoryListModel { id: categories; api: Api }
    ConfirmDialog {
        id: discardDraft
        objectName: "discardDraftDialog"
        title: qsTr("Discard this draft?")
        message: qsTr("The details and photos you added will be lost.")
        cancelText: qsTr("Keep editing")
        confirmText: qsTr("Discard")
        onConfirmed: { draft.reset(); page.cancelled() }
    }

    // Several photos at once, as thumbnails; the first time, the guide on how
    // to shoot them comes first.
    PhotoPicker {
        id: picker
        objectName: "photoPicker"
        remaining: draft.maxPhotos - draft.photos.count
        alreadyAdded: draft.photos.fileUrls
        onPicked: function (files) { draft.addPhotos(files) }
    }
    ShootingGuide {
        id: guide
        onDone: {
            if (!Settings.shootingGuideSeen) {
                Settings.shootingGuideSeen = true
                picker.open()
            }
        }
    }
    function addPhotos() {
        if (Settings.shootingGuideSeen)
            picker.open()
        else
            guide.open()
    }

    Basic.ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        RowLayout {
            width: Math.max(2 * page.formWidth + Theme.spaceXl, scroller.availableWidth - 2 * Theme.spaceL)
            x: Theme.spaceL
            spacing: Theme.spaceXl

            ColumnLayout {
                Layout.fillWidth: false
                Layout.preferredWidth: page.formWidth
                Layout.maximumWidth: page.formWidth
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: Theme.spaceL
                Layout.bottomMargin: Theme.spaceL
                spacing: Theme.spaceS

                Text {
                    textFormat: Text.PlainText
                    text: draft.listingId.length > 0 && draft.stage !== ListingDraft.Done ? qsTr("Edit listing") : qsTr("Sell an item")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontDisplay
                    font.weight: Font.Bold
                    color: Theme.text
                }
                FieldLabel {
                    Layout.fillWidth: true
                    visible: draft.listingId.length === 0
                    label: qsTr("How to sell")
                    reservesMessageLine: false
                    Row {
                        objectName: "saleTypeChoice"
                        width: parent.width
                        spacing: Theme.spaceS
                        Repeater {
                            model: ListingLabels.saleTypes
                            delegate: Basic.AbstractButton {
                                id: saleChip
                                required property var modelData
                                readonly property bool selected: draft.saleType === modelData.value
                                objectName: "saleType_" + modelData.value
                                implicitHeight: 36
                                implicitWidth: saleChipRow.implicitWidth + Theme.spaceL
                                hoverEnabled: true
                                onClicked: draft.saleType = modelData.value
                                background: Rectangle {
                                    radius: 18
                                    color: saleChip.selected ? Theme.accentSoft : (saleChip.hovered ? Theme.surfaceSunken : Theme.surface)
                                    border.color: saleChip.selected ? Theme.accent : Theme.border
                                }
                                contentItem: Item {
                                    Row {
                                        id: saleChipRow
                                        anchors.centerIn: parent
                                        spacing: Theme.spaceXs
                                        Icon {
                                            name: saleChip.modelData.value === "auction" ? "gavel" : "tag"
                                            size: 16
                                            color: saleChip.selected ? Theme.accent : Theme.textMuted
                                            anchors.verticalCenter: parent.verticalCenter
                                        }
                                        Text {
                                            textFormat: Text.PlainText
                                            text: saleChip.modelData.text
                                            font.family: Theme.fontFamily
                                            font.pixelSize: Theme.fontBody
                                            font.weight: saleChip.selected ? Font.DemiBold : Font.Normal
                                            color: saleChip.selected ? Theme.accent : Theme.text
                                            anchors.verticalCenter: parent.verticalCenter
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                FieldLabel {
                    Layout.fillWidth: true
                    label: qsTr("Title")
                    error: draft.fieldErrors.title || ""
                    FormField {
                        objectName: "titleField"
                        width: parent.width
                        error: !!draft.fieldErrors.title
                        placeholderText: qsTr("What are you selling?")
                        maximumLength: draft.titleMaxLength
                        text: draft.title
                        onTextEdited: draft.title = text
                    }
                }
                // Side by side where there is room; in a small window the price goes
                // under the category, so neither is squeezed to a few letters.
                GridLayout {
                    id: categoryAndPrice
                    Layout.fillWidth: true
                    columns: page.formWidth >= 440 ? 2 : 1
                    columnSpacing: Theme.spaceM
                    rowSpacing: Theme.spaceM
                    FieldLabel {
                        Layout.fillWidth: true
                        Layout.alignment: Qt.AlignTop
                        label: qsTr("Category")
                        error: draft.fieldErrors.categoryId || ""
                        Basic.ComboBox {
                            id: categoryBox
                            objectName: "categoryField"
                            width: parent.width
                            implicitHeight: Theme.controlHeight
                            model: categories
                            textRole: "name"
                            valueRole: "categoryId"
                            displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
                            currentIndex: categories.count > 0 ? categories.indexOf(draft.categoryId) : -1
                            onActivated: function (index) { draft.categoryId = categories.idAt(index) }
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            background: Rectangle {
                                radius: Theme.radiusS
                                color: Theme.surface
                                border.width: draft.fieldErrors.categoryId ? 2 : 1
                                border.color: draft.fieldErrors.categoryId ? Theme.danger : Theme.border
                            }
                            indicator: Icon {
                                x: categoryBox.width - width - Theme.spaceS
                                y: (categoryBox.height - height) / 2
                                name: "forward"
                                rotation: 90
                                size: 16
                                color: Theme.textMuted
                            }
                            contentItem: Text {
                                textFormat: Text.PlainText
                                leftPadding: Theme.spaceM - 4
                                text: categoryBox.displayText
                                font: categoryBox.font
                                color: categoryBox.currentIndex < 0 ? Theme.textFaint : Theme.text
                                verticalAlignment: Text.AlignVCenter
                                elide: Text.ElideRight
                            }
                            popup.width: Math.max(categoryBox.width, 260)
                            delegate: Basic.ItemDelegate {
                                required property string name
                                required property int depth
                                required property int index
                                width: categoryBox.popup.width
                                highlighted: categoryBox.highlightedIndex === index
                                contentItem: Text {
                                    textFormat: Text.PlainText
                                    text: name
                                    leftPadding: depth * Theme.spaceM
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontBody
                                    color: Theme.text
                                }
                                background: Rectangle { color: highlighted ? Theme.accentSoft : Theme.surfaceRaised }
                            }
                        }
                    }
                    FieldLabel {
                        Layout.fillWidth: categoryAndPrice.columns === 1
                        Layout.preferredWidth: 200
                        Layout.maximumWidth: categoryAndPrice.columns === 1 ? Number.POSITIVE_INFINITY : 200
                        Layout.alignment: Qt.AlignTop
                        label: draft.saleType === "auction" ? qsTr("Start price (₩)") : qsTr("Price (₩)")
                        error: draft.fieldErrors.price || ""
                        PriceField {
                            objectName: "priceField"
                            width: parent.width
                            // An auction's start price is one of its terms, frozen after the first bid.
                            enabled: draft.saleType !== "auction" || draft.termsEditable
                            error: !!draft.fieldErrors.price
                            placeholderText: qsTr("25,000")
                            text: draft.price
                            onTextEdited: draft.price = text
                            onEditingFinished: draft.price = groupedText
                        }
                    }
                }
                GridLayout {
                    id: auctionTerms
                    objectName: "auctionTerms"
                    Layout.fillWidth: true
                    visible: draft.saleType === "auction" && draft.termsEditable
                    columns: page.formWidth >= 440 ? 2 : 1
                    columnSpacing: Theme.spaceM
                    rowSpacing: Theme.spaceM
                    FieldLabel {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        label: qsTr("Bid step (₩, optional)")
                        hint: draft.auction.defaultIncrementText
                        error: draft.fieldErrors.minIncrement || ""
                        PriceField {
                            objectName: "minIncrementField"
                            width: parent.width
                            error: !!draft.fieldErrors.minIncrement
                            placeholderText: qsTr("Our table")
                            text: draft.auction.minIncrement
                            onTextEdited: draft.auction.minIncrement = text
                            onEditingFinished: draft.auction.minIncrement = groupedText
                            Basic.ToolTip.visible: hovered && draft.auction.minIncrement.length === 0
                            Basic.ToolTip.delay: 400
                            Basic.ToolTip.text: draft.auction.incrementTableText
                        }
                    }
                    FieldLabel {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        label: qsTr("Runs for")
                        error: draft.fieldErrors.duration || ""
                        Basic.ComboBox {
                            id: durationBox
                            objectName: "durationField"
                            width: parent.width
                            implicitHeight: Theme.controlHeight
                            model: draft.auction.durations
                            textRole: "text"
                            valueRole: "value"
                            currentIndex: Math.max(0, indexOfValue(draft.auction.durationHours))
                            onActivated: draft.auction.durationHours = currentValue
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            background: Rectangle {
                                radius: Theme.radiusS
                                color: Theme.surface
                                border.width: 1
                                border.color: Theme.border
                            }
                            indicator: Icon {
                                x: durationBox.width - width - Theme.spaceS
                                y: (durationBox.height - height) / 2
                                name: "forward"
                                rotation: 90
                                size: 16
                                color: Theme.textMuted
                            }
                            contentItem: Text {
                                textFormat: Text.PlainText
                                leftPadding: Theme.spaceM - 4
                                text: durationBox.displayText
                                font: durationBox.font
                                color: Theme.text
                                verticalAlignment: Text.AlignVCenter
                                elide: Text.ElideRight
                            }
                            delegate: Basic.ItemDelegate {
                                required property var modelData
                                required property int index
                                width: durationBox.width
                                highlighted: durationBox.highlightedIndex === index
                                contentItem: Text {
                                    textFormat: Text.PlainText
                                    text: modelData.text
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontBody
                                    color: Theme.text
                                }
                                background: Rectangle { color: highlighted ? Theme.accentSoft : Theme.surfaceRaised }
                            }
                        }
                    }
                    FieldLabel {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        label: qsTr("Reserve price (₩, optional)")
                        hint: qsTr("It sells only if bids reach this; bidders see only whether it is met.")
                        error: draft.fieldErrors.reservePrice || ""
                        PriceField {
                            objectName: "reservePriceField"
                            width: parent.width
                            error: !!draft.fieldErrors.reservePrice
                            placeholderText: qsTr("No reserve")
                            text: draft.auction.reservePrice
                            onTextEdited: draft.auction.reservePrice = text
                            onEditingFinished: draft.auction.reservePrice = groupedText
                        }
                    }
                    FieldLabel {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        label: qsTr("Buy-now price (₩, optional)")
                        hint: qsTr("Anyone can buy at this price until the first bid (with a reserve, until it is met).")
                        error: draft.fieldErrors.buyNowPrice || ""
                        PriceField {
                            objectName: "buyNowPriceField"
                            width: parent.width
                            error: !!draft.fieldErrors.buyNowPrice
                            placeholderText: qsTr("No buy-now")
                            text: draft.auction.buyNowPrice
                            onTextEdited: draft.auction.buyNowPrice = text
                            onEditingFinished: draft.auction.buyNowPrice = groupedText
                        }
                    }
                }
                Text {
                    objectName: "termsFrozenNote"
                    Layout.fillWidth: true
                    visible: draft.saleType === "auction" && !draft.termsEditable
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    text: qsTr("This auction has bids or has ended, so its start price and terms stay as they are.")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                    color: Theme.textMuted
                }
                FieldLabel {
                    Layout.fillWidth: true
                    label: qsTr("Condition")
                    reservesMessageLine: false
                    error: draft.fieldErrors.condition || ""
                    Flow {
                        width: parent.width
                        spacing: Theme.spaceS
                        Repeater {
                            model: ListingLabels.conditions
                            delegate: Basic.AbstractButton {
                                id: chip
                                required property var modelData
                                readonly property bool selected: draft.condition === modelData.value
                                implicitHeight: 36
                                implicitWidth: chipText.implicitWidth + Theme.spaceL
                                hoverEnabled: true
                                onClicked: draft.condition = modelData.value
                                background: Rectangle {
                                    radius: 18
                                    color: chip.selected ? Theme.accentSoft : (chip.hovered ? Theme.surfaceSunken : Theme.surface)
                                    border.color: chip.selected ? Theme.accent : Theme.border
                                }
                                contentItem: Text {
                                    id: chipText
                                    textFormat: Text.PlainText
                                    text: chip.modelData.text
                                    horizontalAlignment: Text.AlignHCenter
                                    verticalAlignment: Text.AlignVCenter
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontBody
                                    font.weight: chip.selected ? Font.DemiBold : Font.Normal
                                    color: chip.selected ? Theme.accent : Theme.text
                                }
                            }
                        }
                    }
                }
                FieldLabel {
                    Layout.fillWidth: true
                    label: qsTr("Description")
                    error: draft.fieldErrors.description || ""
                    Basic.TextArea {
                        objectName: "descriptionField"
                        textFormat: TextEdit.PlainText
                        width: parent.width
                        implicitHeight: Math.max(120, contentHeight + 2 * Theme.spaceS)
                        wrapMode: TextEdit.Wrap
                        placeholderText: qsTr("Size, age, flaws, what is included, how to meet…")
                        placeholderTextColor: Theme.textFaint
                        text: draft.description
                        onTextChanged: if (text !== draft.description) draft.description = text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        selectByMouse: true
                        padding: Theme.spaceS + 4
                        background: Rectangle {
                            radius: Theme.radiusS
                            color: Theme.surface
                            border.width: parent.activeFocus ? 2 : 1
                            border.color: draft.fieldErrors.description ? Theme.danger
                                        : (parent.activeFocus ? Theme.accent : Theme.border)
                        }
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spaceM
                    FieldLabel {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        label: qsTr("Tags")
                        hint: qsTr("Separate with commas")
                        error: draft.fieldErrors.tags || ""
                        FormField {
                            objectName: "tagsField"
                            width: parent.width
                            placeholderText: qsTr("vintage, film, camera")
                            text: draft.tags
                            onTextEdited: draft.tags = text
                        }
                    }
                    FieldLabel {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        label: qsTr("Region")
                        error: draft.fieldErrors.region || ""
                        FormField {
                            objectName: "regionField"
                            width: parent.width
                            iconName: "pin"
                            placeholderText: qsTr("Seoul, Mapo-gu")
                            maximumLength: draft.regionMaxLength
                            text: draft.region
                            onTextEdited: draft.region = text
                        }
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spaceS
                    spacing: Theme.spaceS
                    // Beside the button that was pressed: shown here, it moves no field
                    // the seller is about to click.
                    Rectangle {
                        Layout.fillWidth: true
                        Layout.alignment: Qt.AlignVCenter
                        opacity: draft.message.length > 0 ? 1 : 0
                        implicitHeight: Math.max(Theme.controlHeight, messageText.implicitHeight + Theme.spaceM)
                        radius: Theme.radiusS
                        color: Theme.dangerSoft
                        Text {
                            id: messageText
                            textFormat: Text.PlainText
                            objectName: "draftMessage"
                            anchors.fill: parent
                            anchors.margins: Theme.spaceS
                            verticalAlignment: Text.AlignVCenter
                            text: draft.message
                            wrapMode: Text.WordWrap
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            color: Theme.danger
                        }
                    }
                    AppButton {
                        kind: "secondary"
                        objectName: "cancelSellButton"
                        text: qsTr("Cancel")
                        enabled: !draft.busy
                        onClicked: page.cancel()
                    }
                    AppButton {
                        objectName: "publishButton"
                        text: draft.stage === ListingDraft.Uploading ? qsTr("Uploading photos…")
                            : draft.stage === ListingDraft.Saving ? qsTr("Saving…")
                            : draft.listingId.length > 0 ? qsTr("Save changes")
                            : draft.saleType === "auction" ? qsTr("Start auction") : qsTr("Publish listing")
                        busy: draft.busy
                        enabled: !draft.busy
                        onClicked: draft.submit()
                    }
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 0
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: Theme.spaceL + 48
                spacing: Theme.spaceS
                RowLayout {
                    Layout.fillWidth: true
                    Text {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: qsTr("Photos %1/%2").arg(draft.photos.count).arg(draft.maxPhotos)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.DemiBold
                        color: Theme.text
                    }
                    AppButton {
                        objectName: "addPhotosButton"
                        kind: "secondary"
                        text: qsTr("Add photos")
                        iconName: "plus"
                        enabled: !draft.busy && draft.photos.count < draft.maxPhotos
                        onClicked: page.addPhotos()
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: qsTr("The first photo is the cover: drag photos to change the order. 10 or more photos from all sides let the server build a 3D model.")
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                    color: Theme.textMuted
                }
                AppButton {
                    objectName: "photoTipsButton"
                    kind: "quiet"
                    iconName: "camera"
                    text: qsTr("How to shoot photos for 3D")
                    implicitHeight: 32
                    leftPadding: 0
                    onClicked: guide.open()
                }
                Rectangle {
                    id: dropZone
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(200, photoGrid.contentHeight + 2 * Theme.spaceS)
                    radius: Theme.radiusM
                    color: drop.containsDrag ? Theme.accentSoft : Theme.surface
                    border.width: drop.containsDrag ? 2 : 1
                    border.color: drop.containsDrag ? Theme.accent : Theme.borderStrong

                    DropArea {
                        id: drop
                        anchors.fill: parent
                        keys: ["text/uri-list"]
                        onDropped: function (event) {
                            if (event.hasUrls && !draft.busy)
                                draft.addPhotos(event.urls)
                            event.acceptProposedAction()
                        }
                    }
                    EmptyState {
                        anchors.centerIn: parent
                        visible: draft.photos.count === 0
                        iconName: "upload"
                        title: qsTr("Drop photos here")
                        detail: qsTr("JPEG, PNG or WebP, up to 20 MB each")
                    }
                    GridView {
                        id: photoGrid
                        objectName: "draftPhotoGrid"
                        anchors.fill: parent
                        anchors.margins: Theme.spaceS
                        interactive: false
                        cellWidth: Math.floor(width / 3)
                        cellHeight: cellWidth
                        model: draft.photos
                        move: Transition { NumberAnimation { properties: "x,y"; duration: Theme.animationNormal; easing.type: Easing.OutCubic } }
                        displaced: Transition { NumberAnimation { properties: "x,y"; duration: Theme.animationNormal; easing.type: Easing.OutCubic } }
                        // A thumbnail is picked up and carried over the others; the photo it
                        // passes over makes room at once, so the order is always what is seen.
                        delegate: DropArea {
                            id: tile
                            required property int index
                            required property url imageUrl
                            required property real progress
                            required property string uploadState
                            required property string errorText
                            width: photoGrid.cellWidth
                            height: photoGrid.cellHeight
                            keys: ["application/x-bitmarket-draft-photo"]
                            onEntered: function (drag) { draft.movePhoto(drag.source.photoIndex, tile.index) }

                            AsyncImage {
                                id: thumb
                                objectName: "draftPhoto"
                                readonly property int photoIndex: tile.index
                                readonly property url photoUrl: tile.imageUrl
                                readonly property bool lifted: carry.active
                                width: tile.width - 2 * Theme.spaceXs
                                height: tile.height - 2 * Theme.spaceXs
                                anchors.horizontalCenter: tile.horizontalCenter
                                anchors.verticalCenter: tile.verticalCenter
                                radius: Theme.radiusS
                                source: tile.imageUrl
                                sourceSize: Qt.size(256, 256)
                                border.width: thumb.lifted ? 2 : (tile.uploadState === "failed" || tile.errorText.length > 0 ? 2 : 0)
                                border.color: thumb.lifted ? Theme.accent : Theme.danger
                                scale: thumb.lifted ? 1.06 : 1
                                opacity: thumb.lifted ? 0.92 : 1
                                Behavior on scale { NumberAnimation { duration: Theme.animationFast } }
                                Accessible.role: Accessible.Graphic
                                Accessible.name: tile.index === 0 ? qsTr("Photo %1, the cover").arg(tile.index + 1) : qsTr("Photo %1").arg(tile.index + 1)

                                Drag.active: carry.active
                                Drag.source: thumb
                                Drag.keys: tile.keys
                                Drag.hotSpot.x: width / 2
                                Drag.hotSpot.y: height / 2
                                DragHandler {
                                    id: carry
                                    enabled: !draft.busy && draft.photos.count > 1
                                    cursorShape: Qt.ClosedHandCursor
                                }
                                states: State {
                                    when: thumb.lifted
                                    ParentChange { target: thumb; parent: dropZone }
                                    AnchorChanges { target: thumb; anchors.horizontalCenter: undefined; anchors.verticalCenter: undefined }
                                    PropertyChanges { target: thumb; z: 2 }
                                }
                                transitions: Transition {
                                    to: ""
                                    ParentAnimation { AnchorAnimation { duration: Theme.animationNormal; easing.type: Easing.OutCubic } }
                                }

                                Rectangle {
                                    objectName: "coverBadge"
                                    visible: tile.index === 0
                                    anchors { left: parent.left; top: parent.top; margins: Theme.spaceXs }
                                    width: coverText.implicitWidth + Theme.spaceS
                                    height: 20
                                    radius: 10
                                    color: Theme.accent
                                    Text {
                                        id: coverText
                                        textFormat: Text.PlainText
                                        anchors.centerIn: parent
                                        text: qsTr("Cover")
                                        font.family: Theme.fontFamily
                                        font.pixelSize: 11
                                        font.weight: Font.DemiBold
                                        color: Theme.textOnAccent
                                    }
                                }
                                IconButton {
                                    anchors { right: parent.right; top: parent.top; margins: 2 }
                                    implicitWidth: 28
                                    implicitHeight: 28
                                    iconSize: 16
                                    visible: !draft.busy
                                    filled: true
                                    iconName: "close"
                                    iconColor: "#FFFFFF"
                                    tip: qsTr("Remove photo")
                                    onClicked: draft.removePhoto(tile.index)
                                }
                                Row {
                                    anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter; margins: 2 }
                                    visible: !draft.busy && draft.photos.count > 1
                                    spacing: Theme.spaceXs
                                    IconButton {
                                        implicitWidth: 28
                                        implicitHeight: 28
                                        iconSize: 16
                                        enabled: tile.index > 0
                                        opacity: enabled ? 1 : 0.3
                                        filled: true
                                        iconName: "back"
                                        iconColor: "#FFFFFF"
                                        tip: qsTr("Move earlier")
                                        onClicked: draft.movePhoto(tile.index, tile.index - 1)
                                    }
                                    IconButton {
                                        implicitWidth: 28
                                        implicitHeight: 28
                                        iconSize: 16
                                        enabled: tile.index < draft.photos.count - 1
                                        opacity: enabled ? 1 : 0.3
                                        filled: true
                                        iconName: "forward"
                                        iconColor: "#FFFFFF"
                                        tip: qsTr("Move later")
                                        onClicked: draft.movePhoto(tile.index, tile.index + 1)
                                    }
                                }
                                Rectangle {
                                    objectName: "uploadProgress"
                                    visible: tile.uploadState === "uploading" || tile.uploadState === "uploaded"
                                    anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.spaceS }
                                    height: 6
                                    radius: 3
                                    color: Qt.rgba(0, 0, 0, 0.35)
                                    Rectangle {
                                        width: parent.width * tile.progress
                                        height: parent.height
                                        radius: 3
                                        color: tile.uploadState === "uploaded" ? Theme.success : Theme.accent
                                        Behavior on width { NumberAnimation { duration: Theme.animationFast } }
                                    }
                                }
                                Basic.ToolTip.visible: tileHover.hovered && tile.errorText.length > 0
                                Basic.ToolTip.text: tile.errorText
                                HoverHandler { id: tileHover; cursorShape: carry.enabled ? Qt.OpenHandCursor : Qt.ArrowCursor }
                            }
                        }
                    }
                }
                // Under the photos, so a refused file moves none of them.
                Text {
                    objectName: "photoProblems"
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: draft.fieldErrors.photos || ""
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                    color: Theme.danger
                }
            }
        }
    }
}
