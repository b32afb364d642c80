package sandbox_test

import (
	"net/http"
	"reflect"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// Enums of the registrant response schemas (meetingRegistrantGet, webinarRegistrantGet, meetingRegistrants,
// webinarRegistrants). The response bucket list of no_of_employees differs from the request one, so it is not
// checked here.
var registrantResponseEnums = map[string][]string{
	"purchasing_time_frame":    {"", "Within a month", "1-3 months", "4-6 months", "More than 6 months", "No timeframe"},
	"role_in_purchase_process": {"", "Decision Maker", "Evaluator/Recommender", "Influencer", "Not involved"},
	"language": {"en-US", "de-DE", "es-ES", "fr-FR", "jp-JP", "pt-PT", "ru-RU", "zh-CN", "zh-TW", "ko-KO", "it-IT",
		"vi-VN", "pl-PL", "Tr-TR"},
	"status": {"approved", "denied", "pending"},
}

func checkRegistrantEnums(t *testing.T, what string, r map[string]any) {
	t.Helper()
	for field, allowed := range registrantResponseEnums {
		v, present := r[field]
		if !present {
			continue
		}
		s, _ := v.(string)
		ok := false
		for _, a := range allowed {
			ok = ok || a == s
		}
		if !ok {
			t.Errorf("%s: %s = %#v is not in the response schema's enum", what, field, v)
		}
	}
}

// A webinar registrant registered without a language has none in GET (the schema's enum has no ""); one with a
// language has it. Every registrant view keeps to the response enums.
func TestRegistrantViewsFollowResponseSchemas(t *testing.T) {
	e := newEnv(t, nil)
	w := regBase("webinars", e.createWebinar("me", map[string]any{"start_time": "2030-02-01T10:00:00Z", "settings": map[string]any{"approval_type": 0}}))
	m := regBase("meetings", e.createMeeting("me", map[string]any{"start_time": "2030-02-01T10:00:00Z", "settings": map[string]any{"approval_type": 0}}))
	plain := e.addRegistrant(w, "", person("plain@example.com"))
	withLang := e.addRegistrant(w, "", map[string]any{"email": "lang@example.com", "first_name": "L", "language": "de-DE"})
	e.addRegistrant(m, "", person("meet@example.com"))

	got := e.call(http.MethodGet, w+"/registrants/"+plain["registrant_id"].(string), nil).json(t)
	if v, present := got["language"]; present {
		t.Errorf("webinar registrant without a language: GET has language %#v", v)
	}
	checkRegistrantEnums(t, "webinar GET", got)
	if got := e.call(http.MethodGet, w+"/registrants/"+withLang["registrant_id"].(string), nil).json(t); got["language"] != "de-DE" {
		t.Errorf("language = %#v, want de-DE", got["language"])
	}
	for _, base := range []string{w, m} {
		for _, r := range e.listRegistrants(base, "") {
			checkRegistrantEnums(t, base+" list", r)
			if _, present := r["language"]; present {
				t.Errorf("%s list item has language, which the list schema lacks", base)
			}
			got := e.call(http.MethodGet, base+"/registrants/"+r["id"].(string), nil).json(t)
			checkRegistrantEnums(t, base+" GET", got)
		}
	}
}

// registrant_custom_questions "defined" keeps only the answers to the questions the profile says every meeting
// and webinar defines, in the order of that list; "keep" (default) echoes them as sent.
func TestRegistrantCustomQuestionsKnob(t *testing.T) {
	sent := []any{
		map[string]any{"title": "Team", "value": "Compilers"},
		map[string]any{"title": "Unknown", "value": "x"},
		map[string]any{"title": "Role", "value": "Lead"},
	}
	for mode, want := range map[string][]any{
		sandbox.RegistrantQuestionsKeep: {sent[0], sent[1], sent[2]},
		sandbox.RegistrantQuestionsDefined: {
			map[string]any{"title": "Role", "value": "Lead"},
			map[string]any{"title": "Team", "value": "Compilers"},
		},
	} {
		e := newEnv(t, func(p *sandbox.Profile) {
			p.RegistrantCustomQuestions = mode
			p.RegistrantDefinedQuestions = []string{"Role", "Team"}
		})
		for _, kind := range []string{"meetings", "webinars"} {
			body := map[string]any{"start_time": "2030-02-01T10:00:00Z", "settings": map[string]any{"approval_type": 0}}
			var base string
			if kind == "meetings" {
				base = regBase(kind, e.createMeeting("me", body))
			} else {
				base = regBase(kind, e.createWebinar("me", body))
			}
			r := e.addRegistrant(base, "", map[string]any{"email": "q@example.com", "first_name": "Q", "custom_questions": sent})
			got := e.call(http.MethodGet, base+"/registrants/"+r["registrant_id"].(string), nil).json(t)["custom_questions"]
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %s: custom_questions = %v, want %v", mode, kind, got, want)
			}
		}
	}
}
