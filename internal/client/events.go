package client

import (
	"context"
	"errors"
	"net/url"
	"strconv"
)

// What the Meetings and Webinars services share: the request fields both bodies carry and the calls both make
// on their own paths (meetings/{id} and webinars/{id}).

// EventFields are the request fields meetings and webinars share (create and update bodies). Only non-nil
// fields are sent; on update, omitted fields keep their values.
type EventFields struct {
	Topic          *string          `json:"topic,omitempty"`
	Type           *int             `json:"type,omitempty"`
	StartTime      *string          `json:"start_time,omitempty"`
	Duration       *int             `json:"duration,omitempty"`
	Timezone       *string          `json:"timezone,omitempty"`
	Agenda         *string          `json:"agenda,omitempty"`
	Password       *string          `json:"password,omitempty"`
	TemplateID     *string          `json:"template_id,omitempty"`
	TrackingFields *[]TrackingField `json:"tracking_fields,omitempty"`
	Recurrence     *Recurrence      `json:"recurrence,omitempty"`
}

// Event is what Zoom reports of a meeting and of a webinar alike (the create and GET answers); Meeting and
// Webinar embed it.
type Event struct {
	UUID            string          `json:"uuid,omitempty"`
	ID              int64           `json:"id"`
	HostID          string          `json:"host_id,omitempty"`
	HostEmail       string          `json:"host_email,omitempty"`
	Topic           string          `json:"topic"`
	Type            int             `json:"type"`
	Status          string          `json:"status,omitempty"`
	StartTime       string          `json:"start_time,omitempty"`
	Duration        int             `json:"duration"`
	Timezone        string          `json:"timezone,omitempty"`
	Agenda          string          `json:"agenda"`
	CreatedAt       string          `json:"created_at,omitempty"`
	StartURL        string          `json:"start_url,omitempty"`
	JoinURL         string          `json:"join_url,omitempty"`
	RegistrationURL string          `json:"registration_url,omitempty"`
	Password        string          `json:"password"`
	TrackingFields  []TrackingField `json:"tracking_fields,omitempty"`
	Occurrences     []Occurrence    `json:"occurrences,omitempty"`
	Recurrence      *Recurrence     `json:"recurrence,omitempty"`
}

// EventSummary is one item of a host's meeting or webinar list; MeetingSummary and WebinarSummary embed it.
type EventSummary struct {
	UUID      string `json:"uuid"`
	ID        int64  `json:"id"`
	HostID    string `json:"host_id"`
	Topic     string `json:"topic"`
	Type      int    `json:"type"`
	StartTime string `json:"start_time,omitempty"`
	Duration  int    `json:"duration"`
	Timezone  string `json:"timezone,omitempty"`
	CreatedAt string `json:"created_at,omitempty"`
	JoinURL   string `json:"join_url"`
	Agenda    string `json:"agenda,omitempty"`
}

// eventPath is the path of one meeting or webinar (noun; collection "meetings" or "webinars").
func eventPath(noun, collection string, id int64) (string, error) {
	if id <= 0 {
		return "", errors.New("zoom client: " + noun + " ID must be positive")
	}
	return pathf(collection+"/%s", strconv.FormatInt(id, 10))
}

// createEvent posts req to the host's collection ("meetings" or "webinars"); missing tells a nil request.
func createEvent[T any](ctx context.Context, c *Client, noun, collection, userID string, req any, missing bool, cat Category) (*T, error) {
	if missing {
		return nil, errors.New("zoom client: create " + noun + ": request must not be nil")
	}
	p, err := userPath(userID)
	if err != nil {
		return nil, err
	}
	out := new(T)
	if _, err := c.post(ctx, p+"/"+collection, req, cat, out); err != nil {
		return nil, err
	}
	return out, nil
}

// getEvent reads one meeting or webinar.
func getEvent[T any](ctx context.Context, c *Client, noun, collection string, id int64, opts *GetMeetingOptions) (*T, error) {
	p, err := eventPath(noun, collection, id)
	if err != nil {
		return nil, err
	}
	out := new(T)
	if _, err := c.get(ctx, p, opts.query(), CategoryLight, out); err != nil {
		return nil, err
	}
	return out, nil
}

// updateEvent patches a meeting or webinar with req (missing tells a nil request).
func updateEvent(ctx context.Context, c *Client, noun, collection string, id int64, req any, missing bool) error {
	if missing {
		return errors.New("zoom client: update " + noun + ": request must not be nil")
	}
	p, err := eventPath(noun, collection, id)
	if err != nil {
		return err
	}
	_, err = c.patch(ctx, p, nil, req, CategoryLight)
	return err
}

// deleteEvent deletes a meeting or webinar (or one occurrence, named in q).
func deleteEvent(ctx context.Context, c *Client, noun, collection string, id int64, q url.Values) error {
	p, err := eventPath(noun, collection, id)
	if err != nil {
		return err
	}
	_, err = c.del(ctx, p, q, CategoryLight)
	return err
}

// setEventStatus sends a status action ("end", "recover") to a meeting or webinar.
func setEventStatus(ctx context.Context, c *Client, noun, collection string, id int64, action string) error {
	p, err := eventPath(noun, collection, id)
	if err != nil {
		return err
	}
	body := struct {
		Action string `json:"action"`
	}{action}
	_, err = c.put(ctx, p+"/status", body, CategoryLight, nil)
	return err
}

// listTemplates reads a user's templates of one kind (path suffix "meeting_templates" or "webinar_templates").
func listTemplates[T any](ctx context.Context, c *Client, userID, suffix string) ([]T, error) {
	p, err := userPath(userID)
	if err != nil {
		return nil, err
	}
	var out struct {
		Templates []T `json:"templates"`
	}
	if _, err := c.get(ctx, p+"/"+suffix, nil, CategoryMedium, &out); err != nil {
		return nil, err
	}
	return out.Templates, nil
}

// listQuery is the type filter of a host's meeting or webinar list.
func listQuery(typ string) url.Values {
	q := url.Values{}
	setString(q, "type", typ)
	return q
}

func meetingPath(id int64) (string, error) { return eventPath("meeting", "meetings", id) }

func webinarPath(id int64) (string, error) { return eventPath("webinar", "webinars", id) }
