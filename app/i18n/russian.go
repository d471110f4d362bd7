package i18n

// russian translates the interface's English messages. Keys are the exact
// English text the components pass to T.
var russian = map[string]string{
	// Frame and navigation
	"Skip to content": "Перейти к содержанию",
	"Main":            "Основная навигация",
	"Search":          "Поиск",
	"Timeline":        "Хронология",
	"About":           "О проекте",
	"Install":         "Установить",
	"Language":        "Язык",
	"Theme":           "Оформление",
	"Light":           "Светлое",
	"Dark":            "Тёмное",
	"System":          "Как в системе",
	"Broadsheet runs in your browser and keeps working offline.": "Broadsheet работает в браузере и продолжает работать без сети.",
	"{0}, approx.": "{0}, прибл.",
	"Undated":      "Без даты",
}
