"""Serializers that describe the GeoReport v2 documents in the OpenAPI description (the views
build the documents themselves; these only document them)."""

from rest_framework import serializers


class ServiceSerializer(serializers.Serializer):
    service_code = serializers.CharField()
    service_name = serializers.CharField()
    description = serializers.CharField()
    metadata = serializers.BooleanField()
    type = serializers.ChoiceField(choices=["realtime", "batch", "blackbox"])
    keywords = serializers.CharField()
    group = serializers.CharField()


class AttributeValueSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()


class AttributeSerializer(serializers.Serializer):
    variable = serializers.BooleanField()
    code = serializers.CharField()
    datatype = serializers.CharField()
    required = serializers.BooleanField()
    datatype_description = serializers.CharField(allow_null=True)
    order = serializers.IntegerField()
    description = serializers.CharField()
    values = AttributeValueSerializer(many=True)


class ServiceDefinitionSerializer(serializers.Serializer):
    service_code = serializers.CharField()
    attributes = AttributeSerializer(many=True)


class ServiceRequestSerializer(serializers.Serializer):
    service_request_id = serializers.CharField()
    status = serializers.ChoiceField(choices=["open", "closed"])
    status_notes = serializers.CharField(allow_null=True)
    service_name = serializers.CharField()
    service_code = serializers.CharField()
    description = serializers.CharField(allow_null=True)
    agency_responsible = serializers.CharField(allow_null=True)
    service_notice = serializers.CharField(allow_null=True)
    requested_datetime = serializers.DateTimeField()
    updated_datetime = serializers.DateTimeField(allow_null=True)
    expected_datetime = serializers.DateTimeField(allow_null=True)
    address = serializers.CharField(allow_null=True)
    address_id = serializers.CharField(allow_null=True)
    zipcode = serializers.CharField(allow_null=True)
    lat = serializers.FloatField(allow_null=True)
    long = serializers.FloatField(allow_null=True)
    media_url = serializers.CharField(allow_null=True)


class CreatedSerializer(serializers.Serializer):
    service_request_id = serializers.CharField()
    service_notice = serializers.CharField(allow_null=True)
    account_id = serializers.CharField(allow_null=True)


class CreateRequestSerializer(serializers.Serializer):
    """The POST parameters of GeoReport v2 (form-encoded). Location: lat+long, address_string or
    address_id. Personal fields (email, phone, names, device_id) are stored apart and never
    returned by any GET."""

    api_key = serializers.CharField()
    jurisdiction_id = serializers.CharField(required=False, help_text="CBS gemeente code, e.g. GM0202")
    service_code = serializers.CharField()
    lat = serializers.FloatField(required=False)
    long = serializers.FloatField(required=False)
    address_string = serializers.CharField(required=False)
    address_id = serializers.CharField(required=False)
    email = serializers.CharField(required=False)
    device_id = serializers.CharField(required=False)
    account_id = serializers.CharField(required=False)
    first_name = serializers.CharField(required=False)
    last_name = serializers.CharField(required=False)
    phone = serializers.CharField(required=False)
    description = serializers.CharField(required=False)
    media_url = serializers.CharField(required=False)


class ErrorSerializer(serializers.Serializer):
    code = serializers.IntegerField()
    description = serializers.CharField()
