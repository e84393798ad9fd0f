from .home_page import GenerationHomePage, HomeFeaturedTopic
from .profiles import ProfileLink, ProfileTopic, YouthProfileIndexPage, YouthProfilePage
from .topics import TopicEvent, TopicIndexPage, TopicPage, TopicTrip
from .trips import TripIndexPage, TripPage, TripPhoto

__all__ = [
    "GenerationHomePage",
    "HomeFeaturedTopic",
    "ProfileLink",
    "ProfileTopic",
    "TopicEvent",
    "TopicIndexPage",
    "TopicPage",
    "TopicTrip",
    "TripIndexPage",
    "TripPage",
    "TripPhoto",
    "YouthProfileIndexPage",
    "YouthProfilePage",
]
