// Search and filters over a ListingListModel: text (debounced by the model),
// category, price range, sale type and the five sorts.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

ColumnLayout {
    id: root
    property ListingListModel model
    property CategoryListModel categories
    // A lowest price above the highest matches nothing: the page says why.
    readonly property bool priceRangeReversed: minPrice.amount >= 0 && maxPrice.amount >= 0
                                               && minPrice.amount > maxPrice.amount
    function swapPrices() {
        const low = maxPrice.text
        maxPrice.text = minPrice.text
        minPrice.text = low
        root.model.minPrice = minPrice.text
        root.model.maxPrice = maxPrice.text
    }

    spacing: Theme.spaceS

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spaceS
        FormField {
            id: searchField
            objectName: "searchField"
            Layout.fillWidth: true
            iconName: "search"
            placeholderText: qsTr("Search for anything — 카메라, bike, lamp…")
            text: root.model ? root.model.query : ""
            onTextEdited: root.model.query = text
            Keys.onEscapePressed: { text = ""; root.model.query = "" }
        }
        ChoiceBox {
            id: sortBox
            objectName: "sortBox"
            Layout.preferredWidth: 168
            model: [
                { text: qsTr("Newest"), value: "newest" },
                { text: qsTr("Price: low to high"), value: "price_asc" },
                { text: qsTr("Price: high to low"), value: "price_desc" },
                { text: qsTr("Most popular"), value: "popular" },
                { text: qsTr("Ending soon"), value: "ending_soon" }
            ]
            onActivated: root.model.sort = currentValue
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spaceS
        ChoiceBox {
            id: categoryBox
            objectName: "categoryBox"
            Layout.preferredWidth: 200
            model: {
                var entries = [{ text: qsTr("All categories"), value: "", depth: 0 }]
                if (root.categories) {
                    for (var i = 0; i < root.categories.count; ++i) {
                        var id = root.categories.idAt(i)
                        entries.push({ text: root.categories.nameOf(id), value: id,
                                       depth: root.categories.depthAt(i) })
                    }
                }
                return entries
            }
            onActivated: root.model.categoryId = currentValue
        }
        PriceField {
            id: minPrice
            objectName: "minPriceField"
            Layout.preferredWidth: 120
            placeholderText: qsTr("Min price")
            error: root.priceRangeReversed
            validator: RegularExpressionValidator { regularExpression: /[0-9,]*/ }
            onTextEdited: root.model.minPrice = text
            onEditingFinished: { text = groupedText; root.model.minPrice = text }
        }
        Text { textFormat: Text.PlainText; text: "–"; color: Theme.textMuted; font.pixelSize: Theme.fontBody }
        PriceField {
            id: maxPrice
            objectName: "maxPriceField"
            Layout.preferredWidth: 120
            placeholderText: qsTr("Max price")
            error: root.priceRangeReversed
            validator: RegularExpressionValidator { regularExpression: /[0-9,]*/ }
            onTextEdited: root.model.maxPrice = text
            onEditingFinished: { text = groupedText; root.model.maxPrice = text }
        }
        ChoiceBox {
            Layout.preferredWidth: 140
            model: [{ text: qsTr("Any sale type"), value: "" }].concat(ListingLabels.saleTypes)
            onActivated: root.model.saleType = currentValue
        }
        Item { Layout.fillWidth: true }
        IconButton {
            objectName: "refreshButton"
            iconName: "refresh"
            tip: qsTr("Refresh (F5)")
            iconColor: Theme.textMuted
            onClicked: root.model.refresh()
        }
    }
}
