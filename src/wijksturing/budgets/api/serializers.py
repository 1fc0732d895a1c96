from rest_framework import serializers

from wijksturing.budgets.models import Initiative


class BalanceSerializer(serializers.Serializer):
    budget = serializers.DecimalField(max_digits=14, decimal_places=2)
    committed = serializers.DecimalField(max_digits=14, decimal_places=2)
    spent = serializers.DecimalField(max_digits=14, decimal_places=2)
    in_use = serializers.DecimalField(max_digits=14, decimal_places=2)
    remaining = serializers.DecimalField(max_digits=14, decimal_places=2)
    warnings = serializers.ListField(child=serializers.CharField())


class BudgetLineSerializer(serializers.Serializer):
    domain = serializers.CharField(source="line.domain")
    illustrative = serializers.BooleanField(source="line.illustrative")
    balance = BalanceSerializer()


class BudgetSerializer(serializers.Serializer):
    municipality = serializers.CharField()
    gebied = serializers.CharField()
    year = serializers.IntegerField()
    lines = BudgetLineSerializer(many=True)
    total = BalanceSerializer()


class InitiativeSerializer(serializers.ModelSerializer):
    """Public view of an initiative: never the applicant's personal data."""

    municipality = serializers.CharField(source="municipality.code")

    class Meta:
        model = Initiative
        fields = ["id", "municipality", "gebied_code", "title", "location", "domain", "amount_requested",
                  "amount_granted", "status", "decision_reason", "goal", "submitted_at"]
