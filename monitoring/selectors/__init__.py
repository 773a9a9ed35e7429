"""Reads the monitoring pages share: querysets with their joins and prefetches applied, and
the documents pages are built from. Every list starts from `Model.objects.for_user(user)`.
"""
