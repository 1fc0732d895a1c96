from rest_framework import serializers

from wijksturing.budgets.models import Initiative


class BudgetBalanceSerializer(serializers.Serializer):
    budget = serializers.DecimalField(max_digits=14, decimal_places=2)
    committed = serializers.DecimalField(max_digits=14, decimal_places=2)
    spent = serializers.DecimalField(max_digits=14, decimal_places=2)
    in_use = serializers.DecimalField(max_digits=14, decimal_places=2)
    remaining = serializers.DecimalField(max_digits=14, decimal_places=2)
    warnings = serializers.ListField(child=serializers.CharField())


class BudgetDomainSerializer(serializers.Serializer):
    domain = serializers.CharField(source="line.domain")
    illustrative = serializers.BooleanField(source="line.illustrative")
    balance = BudgetBalanceSerializer()


class BudgetSerializer(serializers.Serializer):
    municipality = serializers.CharField()
    gebied = serializers.CharField()
    year = serializers.IntegerField()
    lines = BudgetDomainSerializer(many=True)
    total = BudgetBalanceSerializer()


class InitiativeSerializer(serializers.ModelSerializer):
    """Public view of an initiative: never the applicant's personal data."""

    municipality = serializers.CharField(source="municipality.code")

    class Meta:
        model = Initiative
        fields = ["id", "municipality", "gebied_code", "title", "location", "domain", "amount_requested",
                  "amount_granted", "status", "decision_reason", "goal", "submitted_at"]
