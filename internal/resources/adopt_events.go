package resources

import (
	"context"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// The host's lists the lookups of lost meeting and webinar creates search.

func meetingTypeOK(want, got int) bool { return got == want || got == client.MeetingTypePMI }

func webinarTypeOK(want, got int) bool { return got == want }

func (r *meetingResource) listEvents(ctx context.Context, host string) func() ([]listedEvent, error) {
	return func() ([]listedEvent, error) {
		list, err := r.client.Meetings.List(ctx, host, &client.ListMeetingsOptions{Type: client.MeetingListScheduled})
		out := make([]listedEvent, len(list))
		for i, s := range list {
			out[i] = listedEvent{ID: s.ID, Type: s.Type, Topic: s.Topic, StartTime: s.StartTime, Timezone: s.Timezone, CreatedAt: s.CreatedAt}
		}
		return out, err
	}
}

func (r *webinarResource) listEvents(ctx context.Context, host string) func() ([]listedEvent, error) {
	return func() ([]listedEvent, error) {
		list, err := r.client.Webinars.List(ctx, host, nil)
		out := make([]listedEvent, len(list))
		for i, s := range list {
			out[i] = listedEvent{ID: s.ID, Type: s.Type, Topic: s.Topic, StartTime: s.StartTime, Timezone: s.Timezone, CreatedAt: s.CreatedAt}
		}
		return out, err
	}
}
