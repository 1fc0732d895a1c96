"""Public, read-only representations. No ballots, no codes, no proposers' e-mail addresses."""

from rest_framework import serializers

from wijksturing.participation.models import Proposal, Result, Round


class RoundSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code", read_only=True)

    class Meta:
        model = Round
        fields = ["id", "title", "description", "municipality", "area_code", "area_name", "area_level", "period",
                  "phase", "budget", "currency", "min_age", "residents_only", "ballot_type", "min_choices",
                  "max_choices", "points_per_voter", "rule", "tie_break", "leftover", "category_caps", "paper_weight"]


class ProposalSerializer(serializers.ModelSerializer):
    cost = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)

    class Meta:
        model = Proposal
        fields = ["id", "round", "project_id", "title", "description", "lon", "lat", "estimated_cost", "final_cost",
                  "cost", "category", "review", "review_reason", "execution_note"]


class ResultSerializer(serializers.ModelSerializer):
    class Meta:
        model = Result
        fields = ["id", "round", "rule", "tie_break", "selected", "spent", "per_project", "per_category", "turnout",
                  "ballots_counted", "counted_at"]
