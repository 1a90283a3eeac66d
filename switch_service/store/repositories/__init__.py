"""Thin data-access functions over the models; business rules live in billing/ and routing/."""
